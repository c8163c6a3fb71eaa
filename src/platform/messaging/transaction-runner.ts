import { Inject, Injectable, Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config';
import { ModuleDataSources } from '../database';
import { MessageEnvelope } from './contracts';
import { OutboxHandOff } from './outbox/outbox-hand-off';
import { insertIntoOutbox } from './outbox/outbox.sql';
import { Transaction } from './transaction';

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** Runs units of work in a module's schema, writing their messages to its outbox atomically. */
@Injectable()
export class TransactionRunner {
  /** The modules whose transaction the current async context runs inside. */
  private readonly inside = new AsyncLocalStorage<ReadonlySet<string>>();
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
   * transaction instead.
   */
  reader(module: string): EntityManager {
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

  async run<T>(module: string, work: (tx: Transaction) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const dataSource = this.dataSourceOf(module);
    let written: MessageEnvelope[] = [];
    let leaseMs = 0;
    const unit = async (manager: EntityManager): Promise<T> => {
      const tx = new Transaction(manager, module);
      const inside = new Set(this.inside.getStore() ?? []).add(module);
      const result = await this.inside.run(inside, () => work(tx));
      written = tx.takeOutgoing();
      leaseMs = this.handOff.leaseMsFor(module);
      await insertIntoOutbox(manager, written, leaseMs);
      return result;
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const result = isolation ? await dataSource.transaction(isolation, unit) : await dataSource.transaction(unit);
        this.handOff.committed(module, written, leaseMs);
        return result;
      } catch (error) {
        // PostgreSQL picked this transaction as a deadlock or serialization victim: it did nothing, so run it again.
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }

  private dataSourceOf(module: string): DataSource {
    const dataSource = this.dataSources.get(module);
    if (!dataSource) throw new Error(`No DataSource for module "${module}" in this process`);
    return dataSource;
  }
}
