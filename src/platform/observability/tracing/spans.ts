import {
  Attributes,
  context,
  Context,
  Link,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { tracingState } from './tracing-state';

export { SpanKind };

/** W3C trace context as text (`traceparent`, `tracestate`): what an envelope, a row or a header carries. */
export type TraceCarrier = Readonly<Record<string, string>>;

/** How an operation ended, as the `arcade.outcome` attribute says it. */
export type Outcome = 'ok' | 'rejected' | 'error';

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** The parent; the active context when omitted. */
  readonly parent?: Context;
  readonly links?: readonly Link[];
  /** Tells a refusal (a problem the caller gets: `rejected`) from a failure (`error`, status ERROR). */
  readonly isRejection?: (error: unknown) => boolean;
}

const TRACER = 'arcade';

/** Whether this process traces (the SDK runs): when false, nothing here builds anything. */
export function tracingEnabled(): boolean {
  return tracingState.enabled;
}

/**
 * Runs `work` inside a new active span named `name`, ended when it settles: `arcade.outcome` says
 * how, and an error is recorded on it (a rejection sets no ERROR status). With tracing off it
 * simply runs `work` (with no span).
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span?: Span) => Promise<T>): Promise<T> {
  if (!tracingState.enabled) return work(undefined);
  const parent = options.parent ?? context.active();
  return trace
    .getTracer(TRACER)
    .startActiveSpan(
      name,
      { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links: options.links?.slice() },
      parent,
      async (span) => {
        try {
          const result = await work(span);
          span.setAttribute('arcade.outcome', 'ok' satisfies Outcome);
          return result;
        } catch (error) {
          recordError(span, error, options.isRejection?.(error) ?? false);
          throw error;
        } finally {
          span.end();
        }
      },
    );
}

/**
 * A span that marks a moment (an outbox row written) and is ended at once; returns the carrier of
 * its context, to be stored with the message. Undefined with tracing off.
 */
export function markSpan(name: string, options: SpanOptions): TraceCarrier | undefined {
  if (!tracingState.enabled) return undefined;
  const parent = options.parent ?? context.active();
  const span = trace
    .getTracer(TRACER)
    .startSpan(
      name,
      { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links: options.links?.slice() },
      parent,
    );
  span.end();
  return carrierOf(trace.setSpan(parent, span));
}

/** Records `error` on `span`: an exception event, `arcade.outcome`, and status ERROR unless it is a rejection. */
export function recordError(span: Span, error: unknown, rejection: boolean): void {
  span.setAttribute('arcade.outcome', (rejection ? 'rejected' : 'error') satisfies Outcome);
  if (error instanceof Error) {
    span.recordException(error);
    span.setAttribute(ATTR_ERROR_TYPE, error.name);
  }
  if (!rejection)
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/** The W3C carrier of `ctx` (the active context by default); undefined with tracing off or nothing to carry. */
export function carrierOf(ctx: Context = context.active()): TraceCarrier | undefined {
  if (!tracingState.enabled) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent ? carrier : undefined;
}

/** The context a carrier stands for (a root context for none), to parent spans on. */
export function contextFrom(carrier: TraceCarrier | undefined): Context {
  if (!carrier) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** A link to the span a carrier stands for, with `attributes` saying why; undefined if it names none. */
export function linkTo(carrier: TraceCarrier | undefined, attributes?: Attributes): Link | undefined {
  const spanContext = carrier ? trace.getSpanContext(contextFrom(carrier)) : undefined;
  return spanContext ? { context: spanContext, attributes } : undefined;
}

/** Writes the active context into headers with `set` (NATS headers…); nothing with tracing off. */
export function injectInto(set: (name: string, value: string) => void, ctx: Context = context.active()): void {
  if (!tracingState.enabled) return;
  const carrier = carrierOf(ctx);
  if (carrier) for (const [name, value] of Object.entries(carrier)) set(name, value);
}

/** The trace id of the active span, when tracing is on and there is one (logs, problem documents). */
export function activeTraceId(): string | undefined {
  if (!tracingState.enabled) return undefined;
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** The trace and span ids of the active span, for a log line; empty with tracing off. */
export function activeTraceFields(): { traceId?: string; spanId?: string } {
  if (!tracingState.enabled) return {};
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext)
    ? { traceId: spanContext.traceId, spanId: spanContext.spanId }
    : {};
}

/**
 * Adds attributes to the active span (a module naming the saga step or the order it works on),
 * and renames it when `name` is given. Keys are `arcade.*` or semantic-convention names; nothing
 * happens with tracing off.
 */
export function annotateActiveSpan(attributes: Attributes, name?: string): void {
  if (!tracingState.enabled) return;
  const span = trace.getActiveSpan();
  span?.setAttributes(attributes);
  if (name) span?.updateName(name);
}
