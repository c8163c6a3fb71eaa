import { headers, MsgHdrs } from 'nats';
import { isConnectionFailure } from '../../database';
import { problemDataOf, ProblemData } from '../../errors';
import { injectInto, TraceCarrier, tracingEnabled } from '../../observability/tracing';
import { MessageEnvelope } from '../contracts';
import {
  ModuleUnreachableError,
  RemoteHandlerError,
  RemoteHandlerFailure,
  RemoteProblemError,
} from '../messaging-errors';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Header names carrying an envelope's identity, so tools and logs need not parse the body. */
export const HEADER = {
  messageId: 'Arcade-Message-Id',
  type: 'Arcade-Message-Type',
  correlationId: 'Arcade-Correlation-Id',
  causationId: 'Arcade-Causation-Id',
  error: 'Arcade-Error',
  deliveries: 'Arcade-Deliveries',
  consumer: 'Arcade-Consumer',
} as const;

/**
 * What a responder answers to a command or query: its result, or why it failed, in a form the
 * caller turns back into the same error it would have got in-process (see {@link failureReply}).
 */
export type RpcReply =
  | { readonly ok: true; readonly result?: unknown }
  /** The handler raised a problem: it crosses as data. */
  | { readonly ok: false; readonly problem: ProblemData }
  /** The handler could not reach a module it needed. */
  | {
      readonly ok: false;
      readonly unreachable: { readonly module: string; readonly messageType: string; readonly reason: string };
    }
  /** The handler failed otherwise; the cause stays in the owner's log. */
  | { readonly ok: false; readonly failed: RemoteHandlerFailure };

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function decodeJson<T>(data: Uint8Array): T {
  return JSON.parse(decoder.decode(data)) as T;
}

/**
 * Headers naming the envelope (when there is one), plus `extra`; with tracing on, also the W3C
 * trace context of the active span (`traceparent`, `tracestate`), which the receiving process
 * continues (ADR 0119).
 */
export function envelopeHeaders(envelope: MessageEnvelope | undefined, extra: Record<string, string> = {}): MsgHdrs {
  const h = headers();
  if (envelope) {
    h.set(HEADER.messageId, envelope.id);
    h.set(HEADER.type, envelope.type);
    h.set(HEADER.correlationId, envelope.correlationId);
    if (envelope.causationId) h.set(HEADER.causationId, envelope.causationId);
  }
  for (const [name, value] of Object.entries(extra)) h.set(name, value.replace(/[\r\n]+/g, ' '));
  injectInto((name, value) => h.set(name, value));
  return h;
}

const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

/** The W3C trace context a message's headers carry; undefined with tracing off or none sent. */
export function traceCarrierOf(h: MsgHdrs | undefined): TraceCarrier | undefined {
  if (!tracingEnabled() || !h) return undefined;
  const carrier: Record<string, string> = {};
  for (const name of TRACE_HEADERS) if (h.has(name)) carrier[name] = h.get(name);
  return carrier.traceparent ? carrier : undefined;
}

/** Reads an envelope off the wire, refusing anything that is not one. */
export function decodeEnvelope(data: Uint8Array): MessageEnvelope {
  const value = decodeJson<Partial<MessageEnvelope>>(data);
  const ok =
    typeof value === 'object' &&
    value !== null &&
    ['command', 'query', 'event'].includes(value.kind as string) &&
    typeof value.type === 'string' &&
    typeof value.id === 'string' &&
    typeof value.correlationId === 'string' &&
    typeof value.body === 'object' &&
    value.body !== null;
  if (!ok) throw new Error('the message is not an Arcade message envelope');
  return { ...value, causationId: value.causationId ?? null } as MessageEnvelope;
}

/**
 * What a failure looks like on the wire: a problem crosses as its data, an unreachable module as
 * itself, anything else (a bug, a database outage) as the kind of failure only, never its cause.
 */
export function failureReply(error: unknown): RpcReply {
  const problem = problemDataOf(error);
  if (problem) return { ok: false, problem };
  if (error instanceof ModuleUnreachableError) {
    return { ok: false, unreachable: { module: error.module, messageType: error.messageType, reason: error.reason } };
  }
  return { ok: false, failed: isConnectionFailure(error) ? 'database-unavailable' : 'unexpected' };
}

/** The error a failed reply stands for, as the caller of `request` gets it. */
export function errorOfReply(reply: Exclude<RpcReply, { ok: true }>, module: string, messageType: string): Error {
  if ('problem' in reply) return new RemoteProblemError(reply.problem);
  if ('unreachable' in reply) {
    const { module: missing, messageType: type, reason } = reply.unreachable;
    return new ModuleUnreachableError(missing, type, reason);
  }
  return new RemoteHandlerError(module, messageType, reply.failed);
}
