import { ownerOf } from '../contracts';

/**
 * Where each message lives on the broker. Subjects start with the deployment's prefix so that
 * several deployments (or test files) can share one NATS server without seeing each other.
 *
 * - commands and queries: `<prefix>.rpc.<owner module>` (request/reply, one queue group per module)
 * - integration events:   `<prefix>.events.<module>.<EventName>.v<N>` (the event type, as subject)
 * - dead letters:         `<prefix>.dead.<consuming module>.<event id>`
 */
export class NatsSubjects {
  constructor(readonly prefix: string) {}

  /** Requests for commands and queries owned by `module`. */
  rpc(module: string): string {
    return `${this.prefix}.rpc.${module}`;
  }

  /** The queue group of a module's responders: instances hosting the module share the load. */
  rpcQueue(module: string): string {
    return `${this.prefix}-${module}`;
  }

  /** Subject of an event type: `reviews.ReviewPosted.v2` → `<prefix>.events.reviews.ReviewPosted.v2`. */
  event(type: string): string {
    const parts = type.split('.');
    if (parts.length !== 3 || !/^v\d+$/.test(parts[2]) || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) {
      throw new Error(`${type} is not an event type of the form <module>.<EventName>.v<N>`);
    }
    return `${this.prefix}.events.${type}`;
  }

  /** Every event subject: what the events stream stores. */
  allEvents(): string {
    return `${this.prefix}.events.>`;
  }

  /**
   * Durable consumer of one consuming module, shared by its instances. Servers before 2.10 allow
   * one filter subject per consumer, so there the module has one consumer per event type.
   */
  consumer(module: string, type?: string): string {
    return type === undefined ? `${this.prefix}-${module}` : `${this.prefix}-${module}-${type.replace(/\./g, '_')}`;
  }

  /** A dead letter of `module`, addressable by the event id (for replay). */
  deadLetter(module: string, eventId: string): string {
    return `${this.prefix}.dead.${module}.${eventId}`;
  }

  /** Every dead letter of `module`. */
  deadLettersOf(module: string): string {
    return `${this.prefix}.dead.${module}.>`;
  }

  allDeadLetters(): string {
    return `${this.prefix}.dead.>`;
  }

  /** The module owning a command, query or event type. */
  ownerOf(type: string): string {
    return ownerOf(type);
  }
}
