/** The `Example:` block shown at the end of a command's `--help`. */
export function examples(...lines: string[]): string {
  return `\nExample:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}
