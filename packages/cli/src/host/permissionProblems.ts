import type { Problem } from './Problem.js';

// The permission names Trellis knows (docs/cli.md lists them): a capability, with a pattern or path where it takes one.
const KNOWN = [
  /^(events\.publish|events\.subscribe|hooks)(:.+)?$/,
  /^(fs\.read|fs\.write)(:.+)?$/,
  /^env:[A-Za-z_][A-Za-z0-9_]*\*?$/,
  /^(services\.register|services\.discover|http\.routes|http\.middleware|storage|config\.secrets|net|child_process)$/,
];

/** Whether a granted entry covers a declared one: equal, `*`, a `prefix*`, or the bare capability. */
function covers(grant: string, declared: string): boolean {
  if (grant === '*' || grant === declared || declared.startsWith(`${grant}:`)) return true;
  return grant.endsWith('*') && declared.startsWith(grant.slice(0, -1));
}

/** Unknown permission names, and declared permissions the host's `grants` do not give. */
export function permissionProblems(
  plugin: string,
  declared: readonly string[],
  grants: Readonly<Record<string, readonly string[] | '*'>> | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const permission of declared) {
    if (!KNOWN.some((pattern) => pattern.test(permission))) {
      problems.push({
        code: 'TRELLIS_DOCTOR_PERMISSION_UNKNOWN',
        plugin,
        message: `declares the unknown permission '${permission}'`,
        fix: 'use one of the permission names listed in docs/cli.md (e.g. events.publish:user.*, storage, net)',
        severity: 'error',
      });
    }
  }
  const granted = grants !== undefined && Object.hasOwn(grants, plugin) ? grants[plugin] : undefined;
  if (granted === undefined || granted === '*') return problems;
  for (const permission of declared) {
    if (!granted.some((grant) => covers(grant, permission))) {
      problems.push({
        code: 'TRELLIS_DOCTOR_PERMISSION_NOT_GRANTED',
        plugin,
        message: `declares '${permission}', which grants.${plugin} does not give: the plugin will be refused it`,
        fix: `add '${permission}' to grants.${plugin} in the config, or remove it from the plugin`,
        severity: 'warning',
      });
    }
  }
  return problems;
}
