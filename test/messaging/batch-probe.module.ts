import { Client } from 'pg';
import { Module } from '@nestjs/common';
import { ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../src/platform/http';
import {
  BatchedCommandHandler,
  Command,
  CommandContract,
  IntegrationEvent,
  IntegrationEventContract,
  IntegrationEventHandler,
  OnIntegrationEvent,
  Transaction,
  TransactionRunner,
} from '../../src/platform/messaging/testing';

/** Test-only contracts for batched handling (ADR 0123), owned by catalog so its real schema is used. */
@IntegrationEventContract('catalog.BatchProbeHappened.v1', () => new BatchProbeHappened({ label: 'example' }))
export class BatchProbeHappened extends IntegrationEvent<{ label: string }> {}

@CommandContract('catalog.RecordBatchProbe', () => new RecordBatchProbe('example'))
export class RecordBatchProbe extends Command<{ label: string; txid: string }> {
  constructor(readonly label: string) {
    super();
  }
}

/** What the tests hold, make fail and observe. */
export const batchProbe = {
  /** Handling of the label `hold` waits for this promise. */
  hold: Promise.resolve(),
  /** Labels whose after-commit callback ran, with whether the row was visible to another connection then. */
  committed: [] as { label: string; visible: boolean }[],
  databaseUrl: '',
  /** The visibility checks the after-commit callbacks started: awaited before the database goes. */
  checks: new Set<Promise<void>>(),
};

/** Label rules shared by both handlers: `hold` waits, `poison` throws, `swallow` catches a failed statement. */
async function misbehave(label: string, tx: Transaction): Promise<void> {
  if (label === 'hold') await batchProbe.hold;
  if (label === 'poison') throw ProblemException.conflict('probe-poison', 'This probe always fails.');
  if (label === 'swallow') {
    await tx.manager.query('SELECT 1 / 0').catch(() => undefined);
  }
}

/** Records each event with the transaction that handled it (catalog.batch_probe_effects). */
@OnIntegrationEvent(BatchProbeHappened, { module: 'cart', name: 'cart.RecordBatchProbe', batch: true })
export class RecordBatchProbeEvent implements IntegrationEventHandler<BatchProbeHappened> {
  async handle(event: BatchProbeHappened, tx: Transaction): Promise<void> {
    const { label } = event.payload;
    await tx.manager.query(
      `INSERT INTO cart.batch_probe_effects (kind, label, txid) VALUES ('event', $1, txid_current()::text)`,
      [label],
    );
    await misbehave(label, tx);
  }
}

/** Records each command in its own `run` (as a real handler does) and answers with the transaction id. */
@BatchedCommandHandler(RecordBatchProbe)
export class RecordBatchProbeHandler implements ICommandHandler<RecordBatchProbe> {
  constructor(private readonly runner: TransactionRunner) {}

  async execute(command: RecordBatchProbe): Promise<{ label: string; txid: string }> {
    if (command.label.startsWith('caught-')) await this.failAndCatch(command.label);
    return this.runner.run('catalog', async (tx) => {
      const [{ txid }] = (await tx.manager.query(
        `INSERT INTO catalog.batch_probe_effects (kind, label, txid) VALUES ('command', $1, txid_current()::text)
         RETURNING txid`,
        [command.label],
      )) as { txid: string }[];
      tx.afterCommit(() => void batchProbe.checks.add(visibleElsewhere(command.label)));
      await misbehave(command.label, tx);
      return { label: command.label, txid };
    });
  }

  /**
   * A unit of work that writes, then fails with a business problem the handler catches and goes on
   * from: its row must be undone, as it is when the unit has a transaction of its own.
   */
  private async failAndCatch(label: string): Promise<void> {
    await this.runner
      .run('catalog', async (tx) => {
        await tx.manager.query(
          `INSERT INTO catalog.batch_probe_effects (kind, label, txid) VALUES ('undone', $1, txid_current()::text)`,
          [label],
        );
        tx.afterCommit(() => batchProbe.committed.push({ label: `undone-${label}`, visible: false }));
        throw ProblemException.conflict('probe-refused', 'This unit of work is refused after writing.');
      })
      .catch(() => undefined);
  }
}

/** Whether another connection sees the command's row: it must, once the after-commit callback runs. */
async function visibleElsewhere(label: string): Promise<void> {
  const client = new Client({ connectionString: batchProbe.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT 1 FROM catalog.batch_probe_effects WHERE kind = 'command' AND label = $1`,
      [label],
    );
    batchProbe.committed.push({ label, visible: rows.length > 0 });
  } finally {
    await client.end();
  }
}

@Module({ providers: [RecordBatchProbeEvent, RecordBatchProbeHandler] })
export class BatchProbeModule {}

/** Creates the probe's tables in a test database (as the superuser the tests connect as). */
export async function createBatchProbeTables(databaseUrl: string): Promise<void> {
  batchProbe.databaseUrl = databaseUrl;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of ['cart', 'catalog']) {
      await client.query(
        `CREATE TABLE ${schema}.batch_probe_effects (kind text NOT NULL, label text NOT NULL, txid text NOT NULL)`,
      );
      await client.query(`ALTER TABLE ${schema}.batch_probe_effects OWNER TO arcade_${schema}`);
    }
  } finally {
    await client.end();
  }
}
