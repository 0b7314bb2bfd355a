// Which roles are privileged: administration and ownership roles whose operations are audited and tightly limited.

/** Words that mark a role as privileged (`admin`, `clinic-admin`, `super-admin`, `owner`, `operator`, `root`, `superuser`). */
const PRIVILEGED_WORDS = new Set(['admin', 'administrator', 'owner', 'operator', 'root', 'superuser', 'sysadmin']);

/** A role is privileged when one of its kebab words is an administration word. */
export function isPrivilegedRole(role: string): boolean {
  return role.split('-').some((word) => PRIVILEGED_WORDS.has(word));
}
