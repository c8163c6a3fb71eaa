import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { ModuleDataSources } from '../database';
import { insertIntoOutbox } from './outbox/outbox.sql';
import { Transaction } from './transaction';

/** In-process signal that a module's outbox has new committed rows. */
export const OUTBOX_COMMITTED = 'messaging.outbox.committed';

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** Runs units of work in a module's schema, writing their messages to its outbox atomically. */
@Injectable()
export class TransactionRunner {
  constructor(
    private readonly dataSources: ModuleDataSources,
    private readonly signals: EventEmitter2,
  ) {}

  async run<T>(module: string, work: (tx: Transaction) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const dataSource = this.dataSources.get(module);
    if (!dataSource) throw new Error(`No DataSource for module "${module}" in this process`);
    let wroteMessages = false;
    const unit = async (manager: EntityManager): Promise<T> => {
      const tx = new Transaction(manager, module);
      const result = await work(tx);
      const outgoing = tx.takeOutgoing();
      await insertIntoOutbox(manager, outgoing);
      wroteMessages = outgoing.length > 0;
      return result;
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const result = isolation ? await dataSource.transaction(isolation, unit) : await dataSource.transaction(unit);
        if (wroteMessages) this.signals.emit(OUTBOX_COMMITTED, module);
        return result;
      } catch (error) {
        // PostgreSQL picked this transaction as a deadlock or serialization victim: it did nothing, so run it again.
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }
}
