import { MessageEnvelope } from '../contracts';

/**
 * How messages leave this process. The in-process transport hands events to local subscribers;
 * a broker transport (NATS) carries commands, queries and events between processes. Module
 * code never sees which one is in use.
 */
export interface MessageTransport {
  readonly name: string;
  /** Hands events from an outbox on; resolves once they are delivered (or durably accepted). */
  publish(events: readonly MessageEnvelope[]): Promise<void>;
  /** Sends a command or query to a module this process does not host, and waits for its reply. */
  request(message: MessageEnvelope, timeoutMs: number): Promise<unknown>;
}

export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');

/** Names of the modules hosted by this process. */
export const HOSTED_MODULES = Symbol('HOSTED_MODULES');
