/**
 * In-process cost of scoring a payment with the fraud model (features from signals, calibrated
 * probability, top-5 explanation) against the seven rules (`assessRisk`) as the baseline, on the
 * same attempts in the same run. No database: signals come from the replayed synthetic history.
 * Run: node -r ./test/support/swc-register.cjs bench/fraud-scoring.ts [--accounts 8000] [--rounds 20]
 */
import { assessRisk, RiskInput } from '../src/modules/payments/domain/risk-assessment';
import { replayHistory } from '../src/modules/payments/domain/fraud/evaluation/replay-history';
import {
  DEFAULT_FRAUD_HISTORY,
  generateFraudHistory,
} from '../src/modules/payments/domain/fraud/evaluation/synthetic-fraud-history';
import { FraudScorer } from '../src/modules/payments/domain/fraud/fraud-scorer';
import { FraudSignals } from '../src/modules/payments/domain/fraud/fraud-signals';
import { trainFraudModel } from '../src/modules/payments/domain/fraud/train-fraud-model';
import { loadPaymentsConfig } from '../src/modules/payments/payments.config';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const policy = loadPaymentsConfig({}).risk;
const history = { ...DEFAULT_FRAUD_HISTORY, accounts: arg('accounts', DEFAULT_FRAUD_HISTORY.accounts) };
const attempts = replayHistory(generateFraudHistory(history), policy, history.periodStart);
const [trainingEnd, cut] = [Math.floor(attempts.length * 0.6), Math.floor(attempts.length * 0.75)];
const model = trainFraudModel(attempts.slice(0, trainingEnd), attempts.slice(trainingEnd, cut));
const scorer = new FraudScorer(model);
const signals = attempts.slice(cut).map((a) => a.signals);
const rulesInput = (s: FraudSignals): RiskInput => ({
  amount: s.amount,
  recentPayments: s.paymentsLastHour,
  recentFailures: s.declinesLastHour,
  shippingCountry: s.shippingCountry,
  cardCountry: s.cardCountry,
  providerRiskLevel: s.providerRiskLevel,
});

/** Per-call wall time (µs) of `score` over every attempt, `rounds` times, after one warm-up round. */
function measure(score: (s: FraudSignals) => unknown, rounds: number): { p50: number; p99: number; max: number } {
  signals.forEach(score);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const s of signals) {
      const started = performance.now();
      score(s);
      times.push((performance.now() - started) * 1000);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1] };
}

const rounds = arg('rounds', 20);
const byModel = measure((s) => scorer.score(s), rounds);
const byRules = measure((s) => assessRisk(rulesInput(s), policy), rounds);
const row = (name: string, m: typeof byModel) =>
  console.log(
    `${name.padEnd(26)} ${m.p50.toFixed(2).padStart(8)} ${m.p99.toFixed(2).padStart(8)} ${m.max.toFixed(0).padStart(8)}`,
  );
console.log(`${signals.length} attempts × ${rounds} rounds, per call in µs`);
console.log(`${'scorer'.padEnd(26)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}`);
row('model (score + top 5)', byModel);
row('rules (assessRisk)', byRules);
console.log(
  `model / rules: p50 ${(byModel.p50 / byRules.p50).toFixed(1)}x, p99 ${(byModel.p99 / byRules.p99).toFixed(1)}x`,
);
console.log(`target p99 < 2 ms: ${byModel.p99 < 2000 ? 'met' : 'MISSED'} (${(byModel.p99 / 1000).toFixed(4)} ms)`);
