// docs/diagnostics.md documents exactly the codes of the diagnostics table, each with its name, severity,
// message template and an example. Generic over the table: new codes (any range) need a doc entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticMessages } from '../src/diagnostics/messages.js';

interface DocEntry {
  code: string;
  name: string;
  severity: string | undefined;
  message: string | undefined;
  hasExample: boolean;
}

const doc = readFileSync(join(process.cwd(), 'docs', 'diagnostics.md'), 'utf8');

/** Splits the page at `### ARC#### name` headings and reads each entry's bullet lines. */
function docEntries(markdown: string): DocEntry[] {
  const parts = markdown.split(/^### /m).slice(1);
  return parts.filter((p) => /^ARC\d{4} /.test(p)).map((part) => {
    const [heading = '', ...rest] = part.split('\n');
    const [code = '', name = ''] = heading.trim().split(/\s+/);
    const body = rest.join('\n').split(/^## /m)[0]!;
    const severity = /^- Severity: (\w+)$/m.exec(body)?.[1];
    // A template holding backticks is written as `` text `` (double backticks with padding).
    const rawMessage = /^- Message: (.+)$/m.exec(body)?.[1];
    const message = rawMessage?.startsWith('`` ') ? rawMessage.slice(3, -3) : rawMessage?.slice(1, -1);
    return { code, name, severity, message, hasExample: /^Example\b/m.test(body) && /```text\n.+\n```/.test(body) };
  });
}

const entries = docEntries(doc);
const tableCodes = Object.keys(diagnosticMessages).sort();

test('every code in the table is documented, and nothing else', () => {
  const documented = entries.map((e) => e.code).sort();
  expect({ missingFromDoc: tableCodes.filter((c) => !documented.includes(c)), notInTable: documented.filter((c) => !tableCodes.includes(c)) })
    .toEqual({ missingFromDoc: [], notInTable: [] });
});

test('each code is documented once', () => {
  const seen = entries.map((e) => e.code);
  expect(seen.filter((c, i) => seen.indexOf(c) !== i)).toEqual([]);
});

test('each entry states the table\'s name, severity and message template, and shows a printed example', () => {
  const mismatches = entries.filter((e) => e.code in diagnosticMessages).flatMap((e) => {
    const def = diagnosticMessages[e.code as keyof typeof diagnosticMessages];
    const wrong: string[] = [];
    if (e.name !== def.name) wrong.push(`${e.code} name: doc "${e.name}", table "${def.name}"`);
    if (e.severity !== def.severity) wrong.push(`${e.code} severity: doc ${e.severity}, table ${def.severity}`);
    if (e.message !== def.message) wrong.push(`${e.code} message: doc "${e.message}", table "${def.message}"`);
    if (!e.hasExample) wrong.push(`${e.code} has no example with a printed diagnostic`);
    return wrong;
  });
  expect(mismatches).toEqual([]);
});

test('printed examples name the code they document', () => {
  for (const part of doc.split(/^### /m).slice(1)) {
    const code = part.slice(0, 7);
    if (!/^ARC\d{4}$/.test(code)) continue;
    const printed = [...part.matchAll(/```text\n(.+)\n```/g)].map((m) => m[1]!);
    expect([code, printed.some((line) => line.includes(` ${code}: `))]).toEqual([code, true]);
  }
});
