/** The JSON body of every error answer: `{ "error": { "code", "message" } }`, never a stack. */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}
