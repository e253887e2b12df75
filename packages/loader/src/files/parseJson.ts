import { positionToLineColumn } from './positionToLineColumn.js';

/** Where a JSON text failed to parse. Internal. */
export interface JsonSyntaxProblem {
  readonly message: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
}

/** Parses JSON; on failure returns the problem with line and column (from V8's position). Internal. */
export function parseJson(text: string): { value: unknown } | { problem: JsonSyntaxProblem } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn !== null)
      return { problem: { message, line: Number(lineColumn[1]), column: Number(lineColumn[2]) } };
    const position = /position (\d+)/.exec(message);
    if (position !== null) {
      const { line, column } = positionToLineColumn(text, Number(position[1]));
      return { problem: { message, line, column } };
    }
    return { problem: { message, line: undefined, column: undefined } };
  }
}
