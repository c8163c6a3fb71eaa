/** A message as it travels: JSON-safe, self-describing, with its correlation. */
export interface MessageEnvelope {
  readonly kind: 'command' | 'query' | 'event';
  readonly type: string;
  /** The event id, or a fresh id for a command or query. */
  readonly id: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** The message itself, as JSON would carry it. */
  readonly body: Record<string, unknown>;
  /**
   * W3C trace context (`traceparent`, `tracestate`) of the span that wrote the message, when the
   * writer traced (ADR 0119): kept in the outbox row so that its delivery, however late and from
   * whichever instance, continues the same trace. Absent with tracing off.
   */
  readonly traceContext?: Readonly<Record<string, string>>;
}
