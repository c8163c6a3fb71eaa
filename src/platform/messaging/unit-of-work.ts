import { EntityManager } from 'typeorm';
import { IsolationLevel, TransactionRunner } from './transaction-runner';
import { Transaction } from './transaction';

/** A module's own {@link TransactionRunner}, bound to its schema (inject it in that module). */
export class UnitOfWork {
  constructor(
    private readonly runner: TransactionRunner,
    readonly module: string,
  ) {}

  run<T>(work: (tx: Transaction) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    return this.runner.run(this.module, work, isolation);
  }

  /**
   * The module's EntityManager outside any transaction, for a single read: a transaction around
   * one SELECT costs two more round trips and buys nothing.
   */
  get reader(): EntityManager {
    return this.runner.reader(this.module);
  }
}
