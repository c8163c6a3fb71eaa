import { v7 as uuidv7 } from 'uuid';
import { BenchContext } from '../support/context';
import { BenchProcess } from '../support/processes';
import {
  countStatementsEnv,
  forgetStatementCounts,
  StatementCounts,
  statementCounts,
} from '../support/statement-counts';

/** Orders the count runs (statements per order do not depend on the load; throughput is scenario 3's). */
const ORDERS = 200;
const CLIENTS = 4;

/**
 * Statements, transactions and query calls per order of the bare one-transaction checkout
 * (bench/baselines/bare-server.ts `POST /checkout`: reserve stock, order row, payment row), counted
 * through its driver as Arcade's and the peer's are: a bare process of its own with the counting
 * preload, `ORDERS` orders of one unit of `variantId`, the counters read after it started and
 * after the last answer.
 */
export async function bareCheckoutStatements(ctx: BenchContext, variantId: string): Promise<StatementCounts> {
  const bare = await BenchProcess.start('bare (counted)', 'baselines/bare-server.ts', {
    BENCH_DATABASE_URL: ctx.databaseUrl,
    ...countStatementsEnv(),
  });
  try {
    const before = await statementCounts(bare.pid);
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next++ < ORDERS) {
          const res = await fetch(`${bare.url}/checkout`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ variantId, quantity: 1, customerId: uuidv7() }),
          });
          const body = await res.text();
          if (res.status !== 201) throw new Error(`bare checkout: ${res.status} ${body.slice(0, 200)}`);
        }
      }),
    );
    const after = await statementCounts(bare.pid);
    if (!before || !after) throw new Error('the bare process did not count its statements');
    return {
      statements: (after.statements - before.statements) / ORDERS,
      transactions: (after.transactions - before.transactions) / ORDERS,
      explicit: (after.explicit - before.explicit) / ORDERS,
      queries: (after.queries - before.queries) / ORDERS,
    };
  } finally {
    await bare.stop();
    forgetStatementCounts(bare.pid);
  }
}
