import { HttpException } from '@nestjs/common';
import { headers, MsgHdrs } from 'nats';
import { ProblemException, ProblemInit } from '../../http/problem.exception';
import { toProblem } from '../../http/to-problem';
import { MessageEnvelope } from '../contracts';

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

/** What a responder answers to a command or query. */
export type RpcReply =
  { readonly ok: true; readonly result?: unknown } | { readonly ok: false; readonly problem: ProblemInit };

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function decodeJson<T>(data: Uint8Array): T {
  return JSON.parse(decoder.decode(data)) as T;
}

/** Headers naming the envelope (when there is one), plus `extra`. */
export function envelopeHeaders(envelope: MessageEnvelope | undefined, extra: Record<string, string> = {}): MsgHdrs {
  const h = headers();
  if (envelope) {
    h.set(HEADER.messageId, envelope.id);
    h.set(HEADER.type, envelope.type);
    h.set(HEADER.correlationId, envelope.correlationId);
    if (envelope.causationId) h.set(HEADER.causationId, envelope.causationId);
  }
  for (const [name, value] of Object.entries(extra)) h.set(name, value.replace(/[\r\n]+/g, ' '));
  return h;
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
 * What a failure looks like on the wire: a ProblemException crosses as its problem; anything else
 * as the problem the HTTP layer would have answered with in-process (a generic 500 for a bug).
 */
export function problemOf(error: unknown): ProblemInit {
  if (error instanceof ProblemException) return JSON.parse(JSON.stringify(error.problem)) as ProblemInit;
  const { type, title, status, detail, errors, instance: _i, requestId: _r, ...extensions } = toProblem(error, {});
  return {
    status,
    type: type.replace(/^\/problems\//, ''),
    title: error instanceof HttpException ? title : undefined,
    detail,
    ...(errors ? { errors } : {}),
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
  };
}
