import { Logger } from '@nestjs/common';
import { IntegrationEvent, MessageEnvelope } from '../contracts';
import { fromEnvelope, runAsHandlingOf } from '../envelopes';
import { messagingMetrics } from '../messaging.metrics';
import { partitionKeyOf } from '../outbox/delivery-partitions';
import { TransactionRunner } from '../transaction-runner';
import { BatchItem, HandlerBatches, HandlerBatchesOptions } from '../batching/handler-batches';
import { IntegrationEventHandler } from './integration-event-handler';

/** One subscriber of integration events in this process: its module, its inbox name, its handler. */
export interface Subscription {
  readonly module: string;
  readonly name: string;
  readonly handler: IntegrationEventHandler<IntegrationEvent<unknown>>;
  /** Whether it may handle many events per transaction (`batch: true`, ADR 0123). */
  readonly batch: boolean;
}

const RECORD_ONE = 'INSERT INTO inbox (event_id, handler) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id';
const RECORD_MANY = `
  INSERT INTO inbox (event_id, handler) SELECT DISTINCT unnest($1::uuid[]), $2
  ON CONFLICT DO NOTHING RETURNING event_id`;

/**
 * Hands events to one subscriber in its module's transaction, after recording each in the
 * module's inbox, so that an event delivered again is skipped (exactly-once effects). A batched
 * subscriber's events go through {@link HandlerBatches}: under load many share one transaction and
 * one inbox insert.
 */
export class SubscriberInbox {
  private readonly logger = new Logger('Messaging');
  private readonly batches: HandlerBatches<MessageEnvelope, boolean> | undefined;

  constructor(
    readonly subscription: Subscription,
    private readonly transactions: TransactionRunner,
    batchOptions: HandlerBatchesOptions,
  ) {
    this.batches = subscription.batch
      ? new HandlerBatches(
          `${subscription.module}/${subscription.name}`,
          {
            together: (items) => this.together(items),
            alone: ({ input }) => this.alone(input),
            keyOf: partitionKeyOf,
          },
          batchOptions,
        )
      : undefined;
  }

  /** Resolves true once the subscriber handled the event, false when its inbox had it already. */
  receive(envelope: MessageEnvelope): Promise<boolean> {
    return this.batches ? this.batches.submit(envelope) : this.alone(envelope);
  }

  private alone(envelope: MessageEnvelope): Promise<boolean> {
    const { module, name, handler } = this.subscription;
    return runAsHandlingOf(envelope, () =>
      this.transactions.run(module, async (tx) => {
        const recorded = (await tx.manager.query(RECORD_ONE, [envelope.id, name])) as unknown[];
        if (recorded.length === 0) return this.skipped(envelope);
        await handler.handle(fromEnvelope(envelope), tx);
        return true;
      }),
    );
  }

  private together(items: readonly BatchItem<MessageEnvelope>[]): Promise<boolean[]> {
    const { module, name, handler } = this.subscription;
    return this.transactions.runBatch(module, async (tx, step) => {
      const ids = items.map(({ input }) => input.id.toLowerCase());
      const recorded = (await tx.manager.query(RECORD_MANY, [ids, name])) as { event_id: string }[];
      const fresh = new Set(recorded.map((row) => row.event_id));
      const handled: boolean[] = [];
      for (const [index, { input, context }] of items.entries()) {
        // Each id once: an event twice in one batch is handled the first time only.
        if (!fresh.delete(ids[index])) {
          handled.push(this.skipped(input));
          continue;
        }
        await step(index, context, () => runAsHandlingOf(input, () => handler.handle(fromEnvelope(input), tx)));
        handled.push(true);
      }
      return handled;
    });
  }

  private skipped(envelope: MessageEnvelope): false {
    messagingMetrics.duplicates.inc({ module: this.subscription.module });
    this.logger.debug(`${this.subscription.name} already handled ${envelope.type} ${envelope.id}; skipped`);
    return false;
  }
}
