/** A CloudEvents-shaped envelope (spec 1.0 attribute names). */
export interface CloudEvent<TData = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  /** Who published it: by default the publishing plugin's name. */
  readonly source: string;
  readonly type: string;
  /** ISO 8601 timestamp of publication. */
  readonly time: string;
  readonly datacontenttype?: string;
  readonly data: TData;
  /** Set by at-least-once transports: 1 on the first delivery. */
  readonly deliveryCount?: number;
}
