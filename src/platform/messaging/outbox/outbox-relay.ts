import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessagingConfig } from '../../config';
import { DatabaseOutage } from '../../database';
import { describeError } from '../../errors';
import { backoffMs } from '../../retry';
import { MessageEnvelope } from '../contracts';
import { contextFrom, inSpan, SpanKind, tracingEnabled } from '../../observability/tracing';
import { isRejection, linkToWriter, MESSAGE_ATTRIBUTE, messageAttributes } from '../message-spans';
import { messagingMetrics } from '../messaging.metrics';
import { CommittedRowsReceiver } from './outbox-hand-off';
import { IdleBackoff } from './idle-backoff';
import { OutboxWakeable } from './outbox-listener';
import { deliverInPartitions, partitionKeyOf } from './delivery-partitions';
import {
  CLAIM_BATCH,
  MARK_DELIVERED,
  MARK_FAILED,
  OutboxRow,
  PRUNE_DELIVERED,
  NEXT_DUE_IN_MS,
  PRUNE_INBOX,
  RELEASE_LEASE,
  rowToEnvelope,
} from './outbox.sql';

export type Deliver = (envelope: MessageEnvelope) => Promise<void>;

const MARK_DELAY_MS = 10;
/** A timer set for a known due time fires this much later, so that the row is due by the database's clock too. */
const DUE_MARGIN_MS = 5;

type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;

/** What the relay needs of a row to deliver it and record the outcome. */
interface Pending {
  readonly envelope: MessageEnvelope;
  readonly attempts: number;
  readonly since: number;
  /** Handed over by the transaction that wrote it in this process (else polled: a retry, another instance's, a crash's). */
  readonly handedOff: boolean;
}

/**
 * Delivers one module's outbox. Rows this process commits are written leased to its relay and
 * handed over in memory (OutboxHandOff): delivered at once, without reading them back, and marked
 * delivered in one statement per burst. Polling picks up everything else: rows other instances or
 * tools wrote, retries, and leases that ran out because a process died (ADR 0002).
 *
 * Either way a set of rows is delivered in parallel across what its messages are about (the
 * ordering key each contract declares) and in order within each (delivery-partitions.ts), after whatever delivery of the
 * same partition is already in flight. Polled rows are claimed with `FOR UPDATE SKIP LOCKED`, so
 * several relays (and app instances) never deliver the same row at once; a wake while batches are
 * in flight starts another one (up to OUTBOX_CONCURRENT_BATCHES). A failed row is retried with
 * exponential back-off and parked as a dead letter after the configured attempts, while the rows
 * behind it keep flowing.
 *
 * Polls come every OUTBOX_POLL_MS; while the relay hears its outbox's NOTIFYs
 * (OutboxListener, ADR 0122), polls that find nothing back off (IdleBackoff, up to
 * OUTBOX_IDLE_POLL_MAX_MS, never beyond the lease) and a timer is set for the next row that comes
 * due later (a retry, a lease) — rows another connection makes due now notify instead.
 */
export class OutboxRelay implements CommittedRowsReceiver, OutboxWakeable {
  private readonly logger: Logger;
  private readonly passes = new Set<Promise<void>>();
  private wakeAgain = false;
  /** The last delivery of each partition in flight, so later rows of it wait their turn. */
  private readonly partitionTails = new Map<string, Promise<unknown>>();
  private stopped = true;
  /** Deliveries of handed-over rows in flight. */
  private readonly direct = new Set<Promise<void>>();
  /** Handed-over rows delivered and not yet marked so, and the marks scheduled or running. */
  private deliveredIds: string[] = [];
  private markTimer: NodeJS.Timeout | undefined;
  private readonly marks = new Set<Promise<void>>();
  private pollTimer: NodeJS.Timeout | undefined;
  /** When the poll timer fires (Date.now() ms), Infinity when none is set. */
  private pollAt = Infinity;
  private pruneTimer: NodeJS.Timeout | undefined;
  /** Whether NOTIFYs of rows due now reach this relay, so that it may back off while idle. */
  private listening = false;
  private readonly idle: IdleBackoff;
  /** Rows claimed by polls so far (a poll that claims some is activity). */
  private claimed = 0;

  constructor(
    readonly module: string,
    private readonly dataSource: DataSource,
    private readonly deliver: Deliver,
    private readonly config: MessagingConfig,
  ) {
    this.logger = new Logger(`OutboxRelay:${module}`);
    this.idle = new IdleBackoff(config.pollIntervalMs, idlePollMaxMs(config));
  }

  start(): void {
    this.stopped = false;
    this.pruneTimer = setInterval(() => void this.prune(), 60_000);
    this.pruneTimer.unref();
    void this.poll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    clearInterval(this.pruneTimer);
    await Promise.all([...this.passes, ...this.direct]);
    await this.markDelivered();
  }

  get leaseMs(): number {
    return this.stopped ? 0 : this.config.leaseMs;
  }

  /** Rows a transaction of this module just committed (see OutboxHandOff). */
  committed(envelopes: readonly MessageEnvelope[], leased: boolean): void {
    if (!leased) return this.wake();
    if (this.stopped) {
      // Stopped between the insert and the commit: let polling relays have them now.
      void this.dataSource
        .query(RELEASE_LEASE, [envelopes.map((e) => e.id)])
        .catch((error: unknown) => this.logger.warn({ err: error }, 'leased rows kept until their lease runs out'));
      return;
    }
    const since = Date.now();
    const delivery: Promise<void> = this.deliverAll(
      envelopes.map((envelope) => ({ envelope, attempts: 0, since, handedOff: true })),
      (sql, parameters) => this.dataSource.query(sql, parameters),
      (id) => this.markDeliveredSoon(id),
    )
      .catch((error: unknown) => {
        if (!DatabaseOutage.shared.failed(error)) {
          this.logger.error({ err: error }, 'delivery after commit failed; polling will retry');
        }
      })
      .finally(() => this.direct.delete(delivery));
    this.direct.add(delivery);
  }

  /** Whether it hears NOTIFYs, and in how many ms it polls next (0: a poll is under way; tests and diagnostics). */
  get polling(): { readonly listening: boolean; readonly nextPollInMs: number } {
    const nextPollInMs = this.pollTimer === undefined ? 0 : Math.max(0, this.pollAt - Date.now());
    return { listening: this.listening, nextPollInMs };
  }

  /** See OutboxWakeable: from now on it backs off while idle (true), or polls at the fixed interval (false). */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.idle.reset();
    if (listening)
      this.wake(); // rows made due while nobody listened
    else this.pollIn(this.config.pollIntervalMs);
  }

  /** See OutboxWakeable: another connection committed rows due now; deliver them, then poll promptly for a while. */
  notified(): void {
    this.idle.reset();
    this.wake();
    this.pollIn(this.config.pollIntervalMs);
  }

  /**
   * One poll. Polling at the fixed interval, the next is set first and a pass runs alongside, as
   * always. Listening, a backed-off poll first asks in one statement when the next row comes due,
   * and claims only when one is due now; the next poll is set when this one is over: after the
   * idle delay (reset when rows were claimed), or when the next row comes due, if that is sooner.
   */
  private async poll(): Promise<void> {
    if (this.stopped) return;
    if (!this.listening) {
      this.pollIn(this.config.pollIntervalMs);
      return this.wake();
    }
    let dueInMs = this.idle.current > this.config.pollIntervalMs ? await this.dueInMs() : 0;
    if (this.stopped) return;
    if (dueInMs === 0) {
      const claimedBefore = this.claimed;
      this.wake();
      await Promise.all([...this.passes]);
      if (this.stopped) return;
      if (this.claimed > claimedBefore) this.idle.reset();
      dueInMs = NaN; // unknown: the pass may have scheduled retries, or left rows another relay holds
    }
    let delay = this.idle.next();
    if (delay > this.config.pollIntervalMs) {
      if (Number.isNaN(dueInMs)) dueInMs = await this.dueInMs();
      delay = Math.min(delay, dueInMs === 0 ? this.config.pollIntervalMs : dueInMs + DUE_MARGIN_MS);
    }
    this.pollIn(delay);
  }

  /** Sets the next poll `ms` from now, unless one is set sooner already. */
  private pollIn(ms: number): void {
    if (this.stopped) return;
    const at = Date.now() + ms;
    if (this.pollTimer !== undefined && this.pollAt <= at) return;
    clearTimeout(this.pollTimer);
    this.pollAt = at;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      this.pollAt = Infinity;
      void this.poll();
    }, ms);
    this.pollTimer.unref();
  }

  /**
   * In how many ms the next pending row comes due (by the database's clock, rounded up): 0 when
   * one is due now (or the database does not answer: a claim will find out), Infinity when none is
   * pending.
   */
  private async dueInMs(): Promise<number> {
    try {
      const [{ ms }] = (await this.dataSource.query(NEXT_DUE_IN_MS)) as { ms: number | null }[];
      return ms === null ? Infinity : Math.max(0, Math.ceil(ms));
    } catch {
      return 0;
    }
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

  /**
   * Finishes the deliveries of handed-over rows in flight, then delivers until nothing is due;
   * resolves when done (tests and benchmarks await it).
   */
  async drain(): Promise<void> {
    try {
      await Promise.all([...this.direct]);
      await this.markDelivered();
      while (!this.stopped && (await this.deliverBatch()) === this.config.batchSize) {
        // a full batch: there may be more
      }
      DatabaseOutage.shared.succeeded();
    } catch (error) {
      if (!this.stopped && !DatabaseOutage.shared.failed(error)) {
        this.logger.error({ err: error }, 'outbox delivery pass failed; will retry');
      }
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
      await this.deliverAll(
        rows.map((row) => ({
          envelope: rowToEnvelope(row),
          attempts: row.attempts,
          since: new Date(row.created_at).getTime(),
          handedOff: false,
        })),
        (sql, parameters) => runner.query(sql, parameters),
        (id) => delivered.push(id),
      );
      if (delivered.length > 0) await runner.query(MARK_DELIVERED, [delivered]);
      await runner.commitTransaction();
      this.claimed += rows.length;
      messagingMetrics.delivered.inc({ module: this.module }, delivered.length);
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Delivers rows by partition (see the class comment); `onDelivered` gets each success. Each
   * partition's turn is taken for all its rows before anything is delivered, so rows of the same
   * partition handed over later (a cancellation committed while a confirmation is mid-way) wait for
   * every row of this set, not only for the one in flight when they arrived.
   */
  private deliverAll(rows: readonly Pending[], query: Query, onDelivered: (id: string) => void): Promise<void> {
    const partitions = new Map<string, Pending[]>();
    for (const row of rows) {
      const partition = partitionKeyOf(row.envelope);
      const members = partitions.get(partition) ?? [];
      if (members.length === 0) partitions.set(partition, members);
      members.push(row);
    }
    const turns = [...partitions].map(([partition, members]) => ({ members, turn: this.takeTurn(partition) }));
    return deliverInPartitions(
      turns,
      ({ turn }) => turn.partition,
      this.config.deliveryConcurrency,
      async ({ members, turn }) => {
        await turn.previous;
        try {
          for (const row of members) if (await this.deliverRow(query, row)) onDelivered(row.envelope.id);
        } finally {
          turn.done();
        }
      },
    );
  }

  /**
   * Marks handed-over rows delivered a few milliseconds later, in one statement for all that
   * finish meanwhile: the mark only keeps polls away, the lease does that already.
   */
  private markDeliveredSoon(id: string): void {
    this.deliveredIds.push(id);
    this.markTimer ??= setTimeout(() => void this.markDelivered(), MARK_DELAY_MS);
  }

  /** Marks what is waiting now; resolves once every mark started so far has finished. */
  private async markDelivered(): Promise<void> {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    const ids = this.deliveredIds.splice(0);
    if (ids.length > 0) {
      const mark = this.mark(ids).finally(() => this.marks.delete(mark));
      this.marks.add(mark);
    }
    await Promise.all([...this.marks]);
  }

  private async mark(ids: string[]): Promise<void> {
    try {
      await this.dataSource.query(MARK_DELIVERED, [ids]);
      messagingMetrics.delivered.inc({ module: this.module }, ids.length);
    } catch (error) {
      // Still leased: once the lease runs out they are delivered again, and the inbox absorbs it.
      this.logger.warn({ err: error }, `${ids.length} delivered rows not marked so; they will be delivered again`);
    }
  }

  /**
   * Queues behind the deliveries of `partition` taken before (by earlier sets of rows): `previous`
   * settles when they are done; call `done` when this turn is over, failed or not.
   */
  private takeTurn(partition: string): { partition: string; previous: Promise<unknown>; done: () => void } {
    const previous = this.partitionTails.get(partition) ?? Promise.resolve();
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    // The next turn starts when this one is over, which is never before the previous one is.
    const tail = Promise.all([previous, finished]);
    this.partitionTails.set(partition, tail);
    const forget = () => {
      if (this.partitionTails.get(partition) === tail) this.partitionTails.delete(partition);
    };
    return { partition, previous, done: () => (finish(), void tail.then(forget)) };
  }

  private async deliverRow(query: Query, row: Pending): Promise<boolean> {
    const { envelope } = row;
    try {
      await (tracingEnabled() ? this.tracedDelivery(row) : this.deliver(envelope));
      messagingMetrics.lag.observe({ module: this.module }, (Date.now() - row.since) / 1000);
      return true;
    } catch (error) {
      const message = describeError(error);
      const delay = backoffMs(row.attempts + 1, this.config.retryBaseMs, this.config.retryMaxMs);
      const [{ status }] = (await query(MARK_FAILED, [
        envelope.id,
        message.slice(0, 4000),
        delay,
        this.config.maxAttempts,
      ])) as {
        status: string;
      }[];
      if (status === 'dead') {
        messagingMetrics.deadLetters.inc({ module: this.module });
        this.logger.error(
          { err: error, messageId: envelope.id },
          `${envelope.type} parked as a dead letter after ${row.attempts + 1} attempts`,
        );
      } else {
        this.pollIn(delay + DUE_MARGIN_MS); // its retry: due then, whatever the back-off
        messagingMetrics.retries.inc({ module: this.module });
        this.logger.warn(
          `${envelope.type} ${envelope.id} failed (attempt ${row.attempts + 1}), retrying in ${delay} ms: ${message}`,
        );
      }
      return false;
    }
  }

  /**
   * Delivers `row` in a span that continues the trace its writer stored with it (ADR 0119): a
   * child of the writing span, and for a polled row (a retry, a row another instance or a crashed
   * process left) also linked to it, with the attempt number.
   */
  private tracedDelivery(row: Pending): Promise<void> {
    const { envelope } = row;
    const attempt = row.attempts + 1;
    const link = row.handedOff ? undefined : linkToWriter(envelope.traceContext, attempt);
    return inSpan(
      `deliver ${envelope.type}`,
      {
        kind: SpanKind.PRODUCER,
        parent: contextFrom(envelope.traceContext),
        links: link ? [link] : [],
        isRejection,
        attributes: messageAttributes(envelope, {
          [MESSAGE_ATTRIBUTE.operation]: 'send',
          [MESSAGE_ATTRIBUTE.attempt]: attempt,
          [MESSAGE_ATTRIBUTE.delivery]: row.handedOff ? 'hand-off' : 'poll',
          'arcade.outbox.module': this.module,
        }),
      },
      () => this.deliver(envelope),
    );
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

/**
 * The longest delay between polls of an idle relay that hears NOTIFYs: OUTBOX_IDLE_POLL_MAX_MS,
 * but never beyond the lease (so a poll sees every leased row before its lease runs out, and sets a
 * timer for it should its process die), nor below the poll interval.
 */
export function idlePollMaxMs(config: MessagingConfig): number {
  const cap = config.leaseMs > 0 ? Math.min(config.idlePollMaxMs, config.leaseMs) : config.idlePollMaxMs;
  return Math.max(config.pollIntervalMs, cap);
}
