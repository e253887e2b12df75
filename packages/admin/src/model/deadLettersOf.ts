import type { PluginManager } from '@trellis/core';

/** What `GET /admin/api/dead-letters` answers for one plugin: its dead letters, or why they could not be read. */
export type DeadLetterView =
  readonly unknown[] | { readonly error: { readonly code: string; readonly message: string } };

const TIMEOUT_MS = 2000;

/**
 * The dead letters of every loaded plugin that keeps some (a `deadLetters()` method, as
 * `@trellis/redis`'s `RedisPlugin` has), by plugin name. A plugin whose method throws, answers a
 * non-array or takes longer than 2 s is listed with the error instead; none can fail the answer.
 */
export async function deadLettersOf(manager: PluginManager): Promise<Record<string, DeadLetterView>> {
  const answer: Record<string, DeadLetterView> = {};
  await Promise.all(
    manager.getLoadedPlugins().map(async (name) => {
      const instance = manager.getPlugin<{ deadLetters?: unknown }>(name);
      const read = instance?.deadLetters;
      if (typeof read !== 'function') return;
      let timer: NodeJS.Timeout | undefined;
      try {
        const late = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => {
            reject(new Error(`deadLetters() of '${name}' did not answer within ${TIMEOUT_MS} ms`));
          }, TIMEOUT_MS);
        });
        const letters: unknown = await Promise.race([
          Promise.resolve().then((): unknown => read.call(instance)),
          late,
        ]);
        answer[name] = Array.isArray(letters)
          ? letters
          : {
              error: {
                code: 'TRELLIS_ADMIN_DEAD_LETTERS',
                message: `deadLetters() of '${name}' did not answer an array`,
              },
            };
      } catch (error) {
        answer[name] = {
          error: {
            code: 'TRELLIS_ADMIN_DEAD_LETTERS',
            message: error instanceof Error ? error.message : `deadLetters() of '${name}' failed`,
          },
        };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return answer;
}
