import { Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Counter, Histogram } from 'prom-client';
import { describeError } from '../../errors';
import { metricsRegistry } from '../../observability/http-metrics';
import { BatchItemFailure, RunInContext } from './batch-step';

/** One message waiting for its handler, with the async context it was submitted in. */
export interface BatchItem<I> {
  readonly input: I;
  readonly context: RunInContext;
}

/** How a batched handler runs: several messages in one transaction, or one on its own. */
export interface BatchHandling<I, R> {
  /**
   * Handles `items` in one transaction and returns their results in order. Throws a
   * {@link BatchItemFailure} naming the message that failed (nothing committed), or any other
   * error when it is not known which (nothing committed either).
   */
  together(items: readonly BatchItem<I>[]): Promise<R[]>;
  /** Handles one message exactly as it would be without batching (its own transaction, retries). */
  alone(item: BatchItem<I>): Promise<R>;
  /**
   * What a message is about (its ordering key): a batch handles its messages in the order of these
   * keys (stable, so messages about one thing keep their order). Two batches of a module then lock
   * the rows of the things they share in the same order, instead of deadlocking when one holds
   * thing A and waits for B while the other holds B (two replies about the same aggregates reach
   * two handlers at once). Absent: arrival order.
   */
  keyOf?(input: I): string;
}

export interface HandlerBatchesOptions {
  /** The most messages in one batch (1: every message alone). */
  readonly maxSize: number;
  /** How many batches may run at once. */
  readonly concurrency: number;
}

interface Waiting<I, R> {
  readonly item: BatchItem<I>;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

const batchSize = new Histogram({
  name: 'arcade_handler_batch_size',
  help: 'Messages handled together in one transaction by a batched handler, by handler',
  labelNames: ['handler'] as const,
  buckets: [1, 2, 4, 8, 16, 32, 64],
  registers: [metricsRegistry],
});

const batchSplits = new Counter({
  name: 'arcade_handler_batch_splits_total',
  help: 'Batches of a batched handler that failed and were retried in parts, by handler',
  labelNames: ['handler'] as const,
  registers: [metricsRegistry],
});

const logger = new Logger('HandlerBatches');

/**
 * Groups the messages of one handler that arrive while it is busy, so that under load they are
 * handled many per transaction (ADR 0123). A message that finds fewer than `concurrency` batches
 * running starts one at once, so at low load nothing waits; the others queue and the next batch
 * takes up to `maxSize` of them. Each submitter gets its own message's outcome, once the batch has
 * committed. A batch that fails is split: the messages before the one that failed are retried
 * together, the one that failed alone (so it fails, is retried and dead-lettered exactly as
 * without batching), the ones after it together; a failure with no message named (a commit
 * refused) halves the batch.
 */
export class HandlerBatches<I, R> {
  private readonly queue: Waiting<I, R>[] = [];
  private running = 0;
  /** Batches start in the context this object was made in, not in their first message's. */
  private readonly root: RunInContext = AsyncLocalStorage.snapshot();

  constructor(
    /** The handler's name, for metrics. */
    readonly name: string,
    private readonly handling: BatchHandling<I, R>,
    private readonly options: HandlerBatchesOptions,
  ) {}

  /** Handles `input` (alone or with others); resolves with its result once committed. */
  submit(input: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item: { input, context: AsyncLocalStorage.snapshot() }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxSize);
      this.running++;
      batchSize.observe({ handler: this.name }, batch.length);
      void this.root(() => this.settle(batch)).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** Runs `batch` and settles every submitter's promise; never rejects. */
  private async settle(batch: readonly Waiting<I, R>[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch;
      try {
        only.resolve(await only.item.context(() => this.handling.alone(only.item)));
      } catch (error) {
        only.reject(error);
      }
      return;
    }
    batch = this.inKeyOrder(batch);
    let results: R[];
    try {
      results = await this.handling.together(batch.map((waiting) => waiting.item));
    } catch (error) {
      batchSplits.inc({ handler: this.name });
      logger.debug(`a batch of ${batch.length} ${this.name} failed and is split: ${describeError(error)}`);
      for (const part of split(batch, error)) await this.settle(part);
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  private inKeyOrder(batch: readonly Waiting<I, R>[]): readonly Waiting<I, R>[] {
    const keyOf = this.handling.keyOf?.bind(this.handling);
    if (!keyOf) return batch;
    const keyed = batch.map((waiting) => ({ waiting, key: keyOf(waiting.item.input) }));
    // Array.prototype.sort is stable: messages with the same key keep their arrival order.
    return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ waiting }) => waiting);
  }
}

/** The parts a failed batch is retried in (see {@link HandlerBatches}). */
export function split<T>(batch: readonly T[], error: unknown): T[][] {
  const index = error instanceof BatchItemFailure ? error.index : -1;
  const parts =
    index >= 0 && index < batch.length
      ? [batch.slice(0, index), [batch[index]], batch.slice(index + 1)]
      : [batch.slice(0, Math.ceil(batch.length / 2)), batch.slice(Math.ceil(batch.length / 2))];
  return parts.filter((part) => part.length > 0);
}
