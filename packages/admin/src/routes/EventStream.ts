import type { ServerResponse } from 'node:http';

/** One server-sent event as the admin sends it. */
export interface AdminEvent {
  /** The event name, e.g. `trellis.plugin.started`. */
  readonly type: string;
  /** JSON-safe data. */
  readonly data: Readonly<Record<string, unknown>>;
}

const HEARTBEAT_MS = 15_000;

/**
 * The open `GET /admin/api/events` streams. Writes never throw: a client that went away is dropped.
 */
export class EventStream {
  readonly #clients = new Set<ServerResponse>();
  #heartbeat: NodeJS.Timeout | undefined;
  #sequence = 0;

  /** Number of connected clients. */
  get size(): number {
    return this.#clients.size;
  }

  /** Takes over a response and keeps it open as an event stream. */
  attach(response: ServerResponse, headers: Readonly<Record<string, string>>): void {
    response.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write(': connected\nretry: 2000\n\n');
    this.#clients.add(response);
    response.on('close', () => {
      this.#clients.delete(response);
      if (this.#clients.size === 0) this.#stopHeartbeat();
    });
    this.#heartbeat ??= setInterval(() => {
      this.#write(': heartbeat\n\n');
    }, HEARTBEAT_MS).unref();
  }

  /** Sends an event to every client. */
  broadcast(event: AdminEvent): void {
    if (this.#clients.size === 0) return;
    this.#sequence += 1;
    let data: string;
    try {
      data = JSON.stringify({ ...event.data, type: event.type, time: new Date().toISOString() });
    } catch {
      data = JSON.stringify({ type: event.type });
    }
    this.#write(`id: ${String(this.#sequence)}\nevent: ${event.type}\ndata: ${data}\n\n`);
  }

  /** Ends every stream (on stop, so the server can close). */
  closeAll(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
    this.#stopHeartbeat();
  }

  #write(chunk: string): void {
    for (const client of this.#clients) {
      try {
        client.write(chunk);
      } catch {
        this.#clients.delete(client);
      }
    }
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat !== undefined) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }
}
