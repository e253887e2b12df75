import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The dashboard's files and their types. An allow-list rather than a static-folder server: the page
 * is three files, and nothing else under the prefix can be reached (no path handling at all).
 */
const FILES: ReadonlyMap<string, string> = new Map([
  ['index.html', 'text/html; charset=utf-8'],
  ['dashboard.css', 'text/css; charset=utf-8'],
  ['dashboard.js', 'text/javascript; charset=utf-8'],
]);

/** `GET <prefix>/` (the page), its script and style, and `GET <prefix>` redirecting to `<prefix>/`. */
export function dashboardRoutes(staticDir: string) {
  return async (scope: FastifyInstance): Promise<void> => {
    // Read once at mount: the files are part of the package and do not change while it runs.
    const contents = new Map<string, Buffer>();
    for (const name of FILES.keys()) contents.set(name, await readFile(join(staticDir, name)));

    const serve = (name: string) => async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.type(FILES.get(name) ?? 'application/octet-stream').send(contents.get(name));

    // Only `<prefix>/`: at `<prefix>` the page's relative URLs would point outside the prefix.
    scope.get('/', { prefixTrailingSlash: 'slash' }, serve('index.html'));
    scope.get('/index.html', serve('index.html'));
    scope.get('/dashboard.css', serve('dashboard.css'));
    scope.get('/dashboard.js', serve('dashboard.js'));
    scope.get('/', { prefixTrailingSlash: 'no-slash' }, async (request, reply) =>
      reply.redirect(`${request.url.split('?')[0] ?? ''}/`, 301),
    );
  };
}
