import { EntityManager } from 'typeorm';
import { Command, IntegrationEvent, MessageEnvelope } from './contracts';
import { toEnvelope } from './envelopes';

/**
 * One unit of work in one module's schema. Events and asynchronous commands added here are written
 * to the module's outbox in the same transaction as the state change, and delivered only after it
 * commits.
 */
export class Transaction {
  private readonly outgoing: MessageEnvelope[] = [];

  constructor(
    /** The module's transactional EntityManager: use it for every read and write of the unit. */
    readonly manager: EntityManager,
    readonly module: string,
  ) {}

  /** Publishes integration events once the transaction commits. */
  publish(...events: IntegrationEvent<unknown>[]): void {
    for (const event of events) this.outgoing.push(toEnvelope(event));
  }

  /** Sends commands to their owners once the transaction commits (retried until handled). */
  send(...commands: Command<unknown>[]): void {
    for (const command of commands) this.outgoing.push(toEnvelope(command));
  }

  /** @internal */
  takeOutgoing(): MessageEnvelope[] {
    return this.outgoing.splice(0);
  }
}
