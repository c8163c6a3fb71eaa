import { EntityManager } from 'typeorm';
import { Command, IntegrationEvent, MessageEnvelope } from './contracts';
import { toEnvelope } from './envelopes';
import { markSpan, SpanKind, tracingEnabled } from '../observability/tracing';
import { MESSAGE_ATTRIBUTE, messageAttributes } from './message-spans';

/**
 * One unit of work in one module's schema. Events and asynchronous commands added here are written
 * to the module's outbox in the same transaction as the state change, and delivered only after it
 * commits.
 */
export class Transaction {
  private readonly outgoing: MessageEnvelope[] = [];
  private readonly committedCallbacks: (() => void)[] = [];

  constructor(
    /** The module's transactional EntityManager: use it for every read and write of the unit. */
    readonly manager: EntityManager,
    readonly module: string,
  ) {}

  /** Publishes integration events once the transaction commits. */
  publish(...events: IntegrationEvent<unknown>[]): void {
    for (const event of events) this.outgoing.push(this.written(toEnvelope(event)));
  }

  /** Sends commands to their owners once the transaction commits (retried until handled). */
  send(...commands: Command<unknown>[]): void {
    for (const command of commands) this.outgoing.push(this.written(toEnvelope(command)));
  }

  /**
   * With tracing on, the message's trace starts here: a span marks its writing to the outbox, and
   * that span's context travels with the row to the relay and on to every consumer (ADR 0119).
   */
  private written(envelope: MessageEnvelope): MessageEnvelope {
    if (!tracingEnabled()) return envelope;
    const traceContext = markSpan(`outbox ${envelope.type}`, {
      kind: SpanKind.PRODUCER,
      attributes: messageAttributes(envelope, {
        [MESSAGE_ATTRIBUTE.operation]: 'create',
        'arcade.outbox.module': this.module,
      }),
    });
    return traceContext ? { ...envelope, traceContext } : envelope;
  }

  /**
   * Runs `callback` once the transaction has committed (never if it rolls back): for what must not
   * happen before others can see the change, such as emptying a read cache. A batched handler's
   * transaction commits only when its whole batch does (ADR 0123), which may be after `run` returned.
   * A callback that throws is logged by the runner; it cannot undo the commit.
   */
  afterCommit(callback: () => void): void {
    this.committedCallbacks.push(callback);
  }

  /** @internal */
  takeOutgoing(): MessageEnvelope[] {
    return this.outgoing.splice(0);
  }

  /** @internal The after-commit callbacks registered so far, handed over once. */
  takeAfterCommit(): (() => void)[] {
    return this.committedCallbacks.splice(0);
  }

  /** @internal Takes over what a unit of work joined to this one (a batched handler's) wrote and registered. */
  absorb(joined: Transaction): void {
    this.outgoing.push(...joined.takeOutgoing());
    this.committedCallbacks.push(...joined.takeAfterCommit());
  }
}
