/** Values a hostile or careless plugin may throw, each made fresh per call. */
export interface HostileValue {
  readonly name: string;
  make(): unknown;
}

const boom = (): never => {
  throw new TypeError('trap');
};

export const HOSTILE_VALUES: readonly HostileValue[] = [
  { name: 'a null-prototype object', make: () => Object.create(null) as object },
  {
    name: 'a Proxy whose traps throw',
    make: () =>
      new Proxy(
        {},
        {
          get: boom,
          has: boom,
          getPrototypeOf: boom,
          ownKeys: boom,
          getOwnPropertyDescriptor: boom,
        },
      ),
  },
  {
    name: 'an object whose message getter throws',
    make: () => ({
      get message(): string {
        return boom();
      },
    }),
  },
  {
    name: 'an Error whose message getter throws',
    make: () => Object.defineProperty(new Error('hidden'), 'message', { get: boom }),
  },
];

/**
 * A logger that serialises each entry (error, message, cause) as a JSON logger such as pino does,
 * so it throws on the same values pino throws on; it keeps the entries it could write.
 */
export function serialisingLogger(): { lines: string[]; error: (o: object, m?: string) => void } & Record<
  'debug' | 'info' | 'warn',
  (o: object, m?: string) => void
> {
  const lines: string[] = [];
  const replacer = (_key: string, value: unknown): unknown =>
    value instanceof Error ? { message: value.message, cause: value.cause } : value;
  const write = (obj: object, msg?: string): void => {
    lines.push(`${JSON.stringify(obj, replacer)} ${String(msg)}`);
  };
  return { lines, debug: write, info: write, warn: write, error: write };
}
