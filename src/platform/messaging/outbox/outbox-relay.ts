import { Logger } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { MessagingConfig } from '../../config';
import { MessageEnvelope } from '../contracts';
import { messagingMetrics } from '../messaging.metrics';
import { deliverInPartitions, partitionKeyOf } from './delivery-partitions';
import {
  CLAIM_BATCH,
  MARK_DELIVERED,
  MARK_FAILED,
  OutboxRow,
  PRUNE_DELIVERED,
  PRUNE_INBOX,
  rowToEnvelope,
} from './outbox.sql';

export type Deliver = (envelope: MessageEnvelope) => Promise<void>;

/**
 * Delivers one module's outbox after commit: woken in-process right after a commit, polling as a
 * fallback for rows other instances wrote. A batch is delivered in parallel across what its
 * messages are about (an order, a product…) and in order within each (delivery-partitions.ts);
 * a wake while batches are in flight starts another one (up to OUTBOX_CONCURRENT_BATCHES), so a
 * new row never waits for the slowest delivery of an older batch, and a row whose partition is
 * still being delivered by an earlier batch waits for it. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so
 * several relays (and app instances) never deliver the same row at once; a failed row is retried
 * with exponential back-off and parked as a dead letter after the configured attempts, while the
 * rows behind it keep flowing.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly passes = new Set<Promise<void>>();
  private wakeAgain = false;
  /** The last delivery of each partition in flight, so later rows of it wait their turn. */
  private readonly partitionTails = new Map<string, Promise<unknown>>();
  private stopped = true;
  private pollTimer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly module: string,
    private readonly dataSource: DataSource,
    private readonly deliver: Deliver,
    private readonly config: MessagingConfig,
  ) {
    this.logger = new Logger(`OutboxRelay:${module}`);
  }

  start(): void {
    this.stopped = false;
    this.pollTimer = setInterval(() => this.wake(), this.config.pollIntervalMs);
    this.pruneTimer = setInterval(() => void this.prune(), 60_000);
    this.pollTimer.unref();
    this.pruneTimer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.pruneTimer);
    await Promise.all([...this.passes]);
  }

  /** Asks the relay to deliver now: another pass starts unless enough are running already. */
  wake(): void {
    if (this.stopped) return;
    if (this.passes.size >= this.config.concurrentBatches) {
      this.wakeAgain = true;
      return;
    }
    const pass: Promise<void> = this.drain().finally(() => {
      this.passes.delete(pass);
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      }
    });
    this.passes.add(pass);
  }

  /** Delivers until nothing is due; resolves when done (tests and benchmarks await it). */
  async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.deliverBatch()) === this.config.batchSize) {
        // a full batch: there may be more
      }
    } catch (error) {
      if (!this.stopped) this.logger.error({ err: error }, 'outbox delivery pass failed; will retry');
    }
  }

  /** Claims one batch, delivers it in order, records each outcome; returns the batch size. */
  async deliverBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows = (await runner.query(CLAIM_BATCH, [this.config.batchSize])) as OutboxRow[];
      const delivered: string[] = [];
      const claimed = rows.map((row) => {
        const envelope = rowToEnvelope(row);
        return { row, envelope, partition: partitionKeyOf(envelope) };
      });
      await deliverInPartitions(
        claimed,
        (item) => item.partition,
        this.config.deliveryConcurrency,
        async ({ row, envelope, partition }) => {
          const ok = await this.inPartitionOrder(partition, () => this.deliverRow(runner, row, envelope));
          if (ok) delivered.push(row.id);
        },
      );
      if (delivered.length > 0) await runner.query(MARK_DELIVERED, [delivered]);
      await runner.commitTransaction();
      messagingMetrics.delivered.inc({ module: this.module }, delivered.length);
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Runs a row's delivery after the deliveries of its partition that earlier batches started. */
  private async inPartitionOrder<T>(key: string, delivery: () => Promise<T>): Promise<T> {
    const previous = this.partitionTails.get(key);
    const mine = (previous ?? Promise.resolve()).then(delivery);
    const tail = mine.catch(() => undefined);
    this.partitionTails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.partitionTails.get(key) === tail) this.partitionTails.delete(key);
    }
  }

  private async deliverRow(runner: QueryRunner, row: OutboxRow, envelope: MessageEnvelope): Promise<boolean> {
    try {
      await this.deliver(envelope);
      messagingMetrics.lag.observe({ module: this.module }, (Date.now() - new Date(row.created_at).getTime()) / 1000);
      return true;
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const delay = this.backoffMs(row.attempts + 1);
      const [{ status }] = (await runner.query(MARK_FAILED, [
        row.id,
        message.slice(0, 4000),
        delay,
        this.config.maxAttempts,
      ])) as {
        status: string;
      }[];
      if (status === 'dead') {
        messagingMetrics.deadLetters.inc({ module: this.module });
        this.logger.error(
          { err: error, messageId: row.id },
          `${row.type} parked as a dead letter after ${row.attempts + 1} attempts`,
        );
      } else {
        messagingMetrics.retries.inc({ module: this.module });
        this.logger.warn(
          `${row.type} ${row.id} failed (attempt ${row.attempts + 1}), retrying in ${delay} ms: ${message}`,
        );
      }
      return false;
    }
  }

  private backoffMs(attempt: number): number {
    const exponential = this.config.retryBaseMs * 2 ** (attempt - 1);
    const capped = Math.min(exponential, this.config.retryMaxMs);
    return Math.round(capped / 2 + Math.random() * (capped / 2));
  }

  private async prune(): Promise<void> {
    try {
      await this.dataSource.query(PRUNE_DELIVERED, [this.config.outboxRetentionHours]);
      await this.dataSource.query(PRUNE_INBOX, [this.config.inboxRetentionHours]);
    } catch (error) {
      this.logger.warn({ err: error }, 'pruning the outbox and inbox failed; will try again');
    }
  }
}
