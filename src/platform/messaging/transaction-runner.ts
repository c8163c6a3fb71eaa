import { Inject, Injectable, Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config';
import { ModuleDataSources } from '../database';
import { MessageEnvelope } from './contracts';
import {
  BatchItemFailure,
  BatchStep,
  NotBatchableError,
  TransactionAbortedError,
  transactionAborted,
} from './batching/batch-step';
import { OutboxHandOff } from './outbox/outbox-hand-off';
import { insertIntoOutbox } from './outbox/outbox.sql';
import { Transaction } from './transaction';

/** A message of a batch being handled: the batch's transaction, and the first unit of work of it that failed. */
interface JoinedStep {
  readonly tx: Transaction;
  failed?: { readonly error: unknown };
}

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** Runs units of work in a module's schema, writing their messages to its outbox atomically. */
@Injectable()
export class TransactionRunner {
  /** The modules whose transaction the current async context runs inside. */
  private readonly inside = new AsyncLocalStorage<ReadonlySet<string>>();
  /** The batch transaction that units of work of its module join in the current async context (runBatch). */
  private readonly joined = new AsyncLocalStorage<JoinedStep>();
  private readonly warned = new Set<string>();
  private readonly logger = new Logger('TransactionRunner');

  constructor(
    private readonly dataSources: ModuleDataSources,
    private readonly handOff: OutboxHandOff,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether `module` has a DataSource in this process. */
  hasModule(module: string): boolean {
    return this.dataSources.get(module) !== undefined;
  }

  /** The modules that have a DataSource in this process. */
  modules(): string[] {
    return this.dataSources.entries().map(([module]) => module);
  }

  /**
   * The module's EntityManager outside any transaction (see UnitOfWork.reader). Refused inside a
   * transaction of the same module: that read waits for a second pooled connection while the
   * transaction holds one, and once every connection is held so, nothing frees one (a module's
   * handler did this, and a burst of commands after a restart deadlocked its pool). Pass the
   * transaction instead. Inside a message of a batch of the module ({@link runBatch}), it is the
   * batch's transaction.
   */
  reader(module: string): EntityManager {
    // A batched handler reads on its batch's connection (which also sees what the batch wrote so far).
    const batch = this.joined.getStore()?.tx;
    if (batch?.module === module) return batch.manager;
    if (this.inside.getStore()?.has(module)) {
      const problem = `A read on a second ${module} connection inside a ${module} transaction: pass the transaction (tx.manager) instead`;
      // Tests and development fail loudly; production, where a path no test took may still do it, warns once.
      if (this.config.env !== 'production') throw new Error(problem);
      if (!this.warned.has(module)) {
        this.warned.add(module);
        this.logger.warn(problem);
      }
    }
    return this.dataSourceOf(module).manager;
  }

  /**
   * Runs `work` in one transaction of `module` and writes what it published to the module's outbox
   * in the same transaction; retried (up to 3 times) when PostgreSQL picks it as a deadlock or
   * serialization victim. Inside an item of a batch of the same module ({@link runBatch}) it joins
   * the batch's transaction instead, which commits when the whole batch does.
   */
  async run<T>(module: string, work: (tx: Transaction) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const step = this.joined.getStore();
    if (step?.tx.module === module) return this.runJoined(step, work, isolation);
    const dataSource = this.dataSourceOf(module);
    let written: MessageEnvelope[] = [];
    let afterCommit: (() => void)[] = [];
    let leaseMs = 0;
    const unit = async (manager: EntityManager): Promise<T> => {
      const tx = new Transaction(manager, module);
      const inside = new Set(this.inside.getStore() ?? []).add(module);
      const result = await this.inside.run(inside, () => work(tx));
      // PostgreSQL answers COMMIT of a failed transaction with a silent rollback: say so instead.
      if (await transactionAborted(manager)) throw new TransactionAbortedError(module);
      written = tx.takeOutgoing();
      afterCommit = tx.takeAfterCommit();
      leaseMs = this.handOff.leaseMsFor(module);
      await insertIntoOutbox(manager, written, leaseMs);
      return result;
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const result = isolation ? await dataSource.transaction(isolation, unit) : await dataSource.transaction(unit);
        this.handOff.committed(module, written, leaseMs);
        this.runAfterCommit(module, afterCommit);
        return result;
      } catch (error) {
        // PostgreSQL picked this transaction as a deadlock or serialization victim: it did nothing, so run it again.
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }

  /**
   * Runs a batch of messages for `module` in one transaction (ADR 0123): `work` gets the
   * transaction and `step`, which runs one message's handling so that every unit of work of
   * `module` it starts ({@link run}) joins this transaction, and what they publish goes out in the
   * batch's single outbox insert. A step that throws, or that leaves the transaction aborted (a
   * failed statement the handler caught), fails the whole batch with a {@link BatchItemFailure}
   * naming the message; nothing of the batch is committed then, and the caller splits it. So does a
   * step whose joined unit of work threw, even if the handler caught that and went on: the unit
   * has no transaction of its own to roll back, so its statements would otherwise commit with the
   * batch; alone, the message gets exactly the behaviour it has without batching.
   */
  runBatch<T>(module: string, work: (tx: Transaction, step: BatchStep) => Promise<T>): Promise<T> {
    return this.run(module, (tx) =>
      work(tx, async (index, context, handle) => {
        let result: unknown;
        const joined: JoinedStep = { tx };
        try {
          // In the message's own context (its trace, its request context), then inside the batch.
          result = await context(() => this.joined.run(joined, handle));
        } catch (cause) {
          throw new BatchItemFailure(index, cause);
        }
        if (joined.failed) throw new BatchItemFailure(index, joined.failed.error);
        if (await transactionAborted(tx.manager)) {
          throw new BatchItemFailure(index, new TransactionAbortedError(module));
        }
        return result as never;
      }),
    );
  }

  private async runJoined<T>(step: JoinedStep, work: (tx: Transaction) => Promise<T>, isolation?: IsolationLevel) {
    const batch = step.tx;
    try {
      if (isolation) throw new NotBatchableError(`a unit of work asks for ${isolation}, which a batch cannot give it`);
      const tx = new Transaction(batch.manager, batch.module);
      const inside = new Set(this.inside.getStore() ?? []).add(batch.module);
      const result = await this.inside.run(inside, () => work(tx));
      batch.absorb(tx);
      return result;
    } catch (error) {
      // What it wrote stays in the batch's transaction: the step fails even if the handler catches this (runBatch).
      step.failed ??= { error };
      throw error;
    }
  }

  private runAfterCommit(module: string, callbacks: readonly (() => void)[]): void {
    for (const callback of callbacks) {
      try {
        callback();
      } catch (error) {
        this.logger.error({ err: error }, `an after-commit callback of a ${module} transaction failed`);
      }
    }
  }

  private dataSourceOf(module: string): DataSource {
    const dataSource = this.dataSources.get(module);
    if (!dataSource) throw new Error(`No DataSource for module "${module}" in this process`);
    return dataSource;
  }
}
