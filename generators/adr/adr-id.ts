// ADR file names are decision ids; the catalogue keeps them to [a-z0-9.-], and anything else is an archc bug, not input.

const ADR_ID = /^[a-z0-9][a-z0-9.-]*$/;

/** Throws when an id could escape `decisions/` or clash with README.md; decision ids come from the catalogue. */
export function assertAdrId(id: string): string {
  if (!ADR_ID.test(id) || id.includes('..') || id === 'readme') throw new Error(`archc bug: decision id ${JSON.stringify(id)} is not [a-z0-9.-]`);
  return id;
}

/** `decisions/<id>.md`, relative to the output directory. */
export function adrFilePath(id: string): string {
  return `decisions/${assertAdrId(id)}.md`;
}
