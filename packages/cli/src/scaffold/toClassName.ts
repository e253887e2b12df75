/** `audit-log` → `AuditLogPlugin`: a class name from a plugin name. */
export function toClassName(name: string): string {
  const pascal = name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join('');
  const safe = /^[0-9]/.test(pascal) ? `P${pascal}` : pascal;
  return `${safe}Plugin`;
}
