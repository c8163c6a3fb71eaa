import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { median } from '../support/bench-database';
import { BenchContext } from '../support/context';
import { ResultRow } from '../support/report';

const run = promisify(execFile);
const RATE = 500;

interface OutboxFigures {
  p50: number;
  p99: number;
  floodPerSecond: number;
}

/**
 * Scenario 5: outbox delivery latency, commit to handler, at 500 events/s (bench/outbox-delivery.ts,
 * a process of its own with a database of its own on the same server, run `runs` times).
 */
export async function outboxScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const server = new URL(ctx.databaseUrl);
  server.pathname = '/postgres';
  const runs: OutboxFigures[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    const { stdout } = await run(
      process.execPath,
      [
        '-r',
        './test/support/swc-register.cjs',
        'bench/outbox-delivery.ts',
        '--rate',
        String(RATE),
        '--seconds',
        String(ctx.seconds),
        '--json',
      ],
      {
        cwd: resolve(__dirname, '../..'),
        env: { ...process.env, DATABASE_URL: server.toString() },
        maxBuffer: 10_000_000,
      },
    );
    runs.push(JSON.parse(stdout.trim().split('\n').pop()!) as OutboxFigures);
  }
  const p99 = median(runs.map((r) => r.p99));
  return [
    {
      scenario: '5 outbox',
      measure: `delivery commit → handler @ ${RATE} events/s`,
      arcade: RATE,
      unit: 'events/s',
      p50: median(runs.map((r) => r.p50)),
      p99,
      target: 'p99 < 20 ms',
      met: p99 < 20,
    },
    {
      scenario: '5 outbox',
      measure: 'flood of 10,000 events (100 per tx)',
      arcade: median(runs.map((r) => r.floodPerSecond)),
      unit: 'events/s',
    },
  ];
}
