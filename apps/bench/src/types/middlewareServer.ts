/**
 * One server of the HTTP middleware bench, started as a child process; prints `App: <url>`.
 * `MODE=trellis`: a Trellis host with `trellis.http` and 5 middleware plugins (`processRequest`);
 * `MODE=plain`: plain fastify with the same 5 functions as `onRequest` hooks. Both serve the same
 * `GET /hello` route on the fastify instance and log nothing.
 */
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { PluginManager, definePlugin, type PluginClass } from '@trellis/core';
import { HTTP_SERVER, HttpPlugin, type HttpNext, type HttpRequestContext } from '@trellis/http';

/** The work of each middleware: read a request header, set a response header. */
const work = Array.from({ length: 5 }, (_, index) => {
  const header = `x-mw-${String(index)}`;
  return (request: FastifyRequest, reply: FastifyReply): void => {
    const seen = request.headers['user-agent'] === undefined ? '0' : '1';
    void reply.header(header, seen);
  };
});

const hello = (): { hello: string } => ({ hello: 'world' });

async function trellis(): Promise<string> {
  const middleware: PluginClass[] = work.map((fn, index) => {
    const Defined = definePlugin({ name: `mw-${String(index)}` });
    Object.assign(Defined.prototype as object, {
      middlewarePriority: 100 - index,
      processRequest(req: HttpRequestContext, next: HttpNext) {
        fn(req.request, req.reply);
        return next(req);
      },
    });
    return Defined;
  });
  const Routes = definePlugin({
    name: 'hello',
    inject: { server: HTTP_SERVER },
    initialize() {
      this.server.get('/hello', hello);
    },
  });
  const manager = new PluginManager({ logger: false, config: { 'trellis.http': { port: 0 } } });
  manager.register([HttpPlugin, ...(process.env.NO_MW === '1' ? [] : middleware), Routes]);
  const report = await manager.start();
  const failure = report.failed[0];
  if (failure !== undefined) throw failure.error;
  process.once('SIGTERM', () => void manager.close().then(() => process.exit(0)));
  return manager.getPlugin(HttpPlugin)?.url ?? '';
}

async function plain(): Promise<string> {
  const app = Fastify({ logger: false });
  for (const fn of work) {
    app.addHook('onRequest', (request, reply, done) => {
      fn(request, reply);
      done();
    });
  }
  app.get('/hello', hello);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  return url;
}

const url = process.env.MODE === 'plain' ? await plain() : await trellis();
process.stdout.write(`App: ${url}\n`);
