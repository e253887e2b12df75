import { relative } from 'node:path';
import type { Problem } from '../host/Problem.js';
import type { CommandContext } from '../program/CommandContext.js';

/** Problems for people: one line each with the file, the code, the message and the fix. */
export function printProblems(ctx: CommandContext, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  const { red, yellow, dim, bold } = ctx.out.color;
  ctx.out.line();
  for (const problem of problems) {
    const mark = problem.severity === 'error' ? red('✖') : yellow('▲');
    const where = problem.file !== undefined ? `${relative(ctx.cwd, problem.file) || problem.file}: ` : '';
    const who = problem.plugin !== undefined ? `[${problem.plugin}] ` : '';
    ctx.out.line(`${mark} ${where}${bold(problem.code)} ${who}${problem.message} ${dim(`→ ${problem.fix}`)}`);
  }
}
