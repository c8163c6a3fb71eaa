/**
 * Issue 21: the in-process cost of assessing one payment attempt as the payment step does it, on a
 * real PostgreSQL with a history: reading the signals (two queries into payments' read model),
 * scoring with the active model and its shadow, and the decision; and, separately, the model's
 * scoring alone (features + calibrated score + top-5 explanation) on the same attempts.
 * Run: node -r ./test/support/swc-register.cjs bench/fraud-assessment.ts [--attempts 3000] [--samples 2000]
 * (a fresh database on DATABASE_URL, else an embedded server; dropped afterwards).
 */
import 'reflect-metadata';
import { v7 as uuidv7 } from 'uuid';
import { withPayments } from '../src/cli/fraud-app';
import { AuthorizePayment } from '../src/modules/payments';
import { ActiveFraudModels } from '../src/modules/payments/application/assess-fraud/active-fraud-models';
import { FraudAssessor } from '../src/modules/payments/application/assess-fraud/fraud-assessor';
import { FraudModelLifecycle } from '../src/modules/payments/application/fraud-models/fraud-model-lifecycle';
import { FraudTraining } from '../src/modules/payments/application/fraud-models/fraud-training';
import { FraudSignals } from '../src/modules/payments/domain/fraud/fraud-signals';
import { assessRisk } from '../src/modules/payments/domain/risk-assessment';
import { loadPaymentsConfig } from '../src/modules/payments/payments.config';
import { MessageBus, UnitOfWork } from '../src/platform/messaging';
import { createBenchDatabase } from './support/bench-database';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const quantiles = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return `p50 ${q(0.5).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms, max ${sorted[sorted.length - 1].toFixed(3)} ms`;
};

async function main(): Promise<void> {
  const database = await createBenchDatabase(`arcade_bench_fraud_${Date.now()}`);
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL = 'silent';
  try {
    await withPayments(async (app) => {
      const bus = app.get(MessageBus);
      const customers = Array.from({ length: 300 }, () => uuidv7());
      const command = (i: number) =>
        new AuthorizePayment(
          uuidv7(),
          customers[i % customers.length],
          { amount: 1000 + ((i * 7919) % 90_000), currency: 'EUR' },
          'sandbox',
          `tok_visa:card${i % 450}`,
          i % 9 === 0 ? 'DE' : 'US',
          {
            shippingAddress: { line1: `${i % 350} Main St`, city: 'Berlin', postalCode: '10115', country: 'DE' },
            lines: [{ productId: uuidv7(), quantity: 1, unitPrice: { amount: 1000, currency: 'EUR' } }],
          },
        );
      const attempts = arg('attempts', 3000);
      const t0 = performance.now();
      for (let i = 0; i < attempts; i++) await bus.execute(command(i));
      console.log(`history: ${attempts} authorizations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const trained = await app
        .get(FraudTraining)
        .fromSynthetic({ accounts: 2000, days: 60, actor: 'bench', as: 'shadow' });
      await app.get(FraudModelLifecycle).promote(trained.version, 'bench');
      await app.get(FraudTraining).fromSynthetic({ accounts: 2000, days: 60, seed: 7, actor: 'bench', as: 'shadow' });
      const live = await app.get(ActiveFraudModels).current();
      const assessor = app.get(FraudAssessor);
      const uow = app.get(UnitOfWork);
      const policy = loadPaymentsConfig({}).risk;
      const rules = assessRisk(
        {
          amount: 1000,
          recentPayments: 0,
          recentFailures: 0,
          shippingCountry: 'DE',
          cardCountry: 'US',
          providerRiskLevel: 'normal',
        },
        policy,
      );
      const method = { last4: '4242', country: 'US', riskLevel: 'normal' as const, fingerprint: null };
      const samples = arg('samples', 2000);
      const assessMs: number[] = [];
      const signals: FraudSignals[] = [];
      for (let i = 0; i < samples + 200; i++) {
        const c = command(i);
        const m = { ...method, fingerprint: `fp_bench_${i % 450}` };
        await uow.run(async (tx) => {
          const started = performance.now();
          const assessment = await assessor.assess(tx, { paymentId: uuidv7() }, c, m, rules);
          if (i >= 200) assessMs.push(performance.now() - started);
          signals.push(assessment.signals);
        });
      }
      const scorer = live.active!.scorer;
      for (const s of signals) scorer.score(s); // warm-up
      const scoreMs: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const s of signals) {
          const started = performance.now();
          scorer.score(s);
          scoreMs.push(performance.now() - started);
        }
      }
      console.log(`active v${live.active!.version}, shadow v${live.shadow?.version ?? '-'}`);
      console.log(
        `assessment (signals in SQL + active and shadow scores + decision), ${samples} calls: ${quantiles(assessMs)}`,
      );
      console.log(`model scoring alone (features + score + top-5), ${scoreMs.length} calls: ${quantiles(scoreMs)}`);
    });
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
