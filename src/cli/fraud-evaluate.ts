/**
 * `npm run fraud:evaluate [-- --accounts N] [--days N] [--seed N] [--budget 0.02] [--out model.json]`:
 * generates a labelled history with planted fraud, trains and calibrates the fraud model on its
 * first 75 % (by time) and compares it with the risk rules (`RISK_*` settings) on the last 25 %.
 * No database. `--out` writes the trained model's JSON.
 */
import { writeFileSync } from 'node:fs';
import { option, positiveInt, share } from './cli-options';
import { ConfigError } from '../platform/config';
import { evaluateFraudModel, ScorerQuality } from '../modules/payments/domain/fraud/evaluation/fraud-evaluation';
import { DEFAULT_FRAUD_HISTORY } from '../modules/payments/domain/fraud/evaluation/synthetic-fraud-history';
import { loadPaymentsConfig } from '../modules/payments/payments.config';

function riskPolicyFromEnvironment() {
  try {
    return loadPaymentsConfig(process.env).risk;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const riskPolicy = riskPolicyFromEnvironment();
const history = {
  accounts: positiveInt('accounts', DEFAULT_FRAUD_HISTORY.accounts),
  days: positiveInt('days', DEFAULT_FRAUD_HISTORY.days),
  seed: positiveInt('seed', DEFAULT_FRAUD_HISTORY.seed),
};
const started = performance.now();
const report = evaluateFraudModel({ history, riskPolicy, reviewBudget: share('budget', 0.02) });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const fmt = (x: number) => x.toFixed(4);
const slice = (name: string, s: typeof report.test) =>
  `${name.padEnd(12)} ${String(s.attempts).padStart(6)} attempts, ${String(s.fraud).padStart(4)} fraud (${pct(s.fraud / s.attempts)})  ${s.from.slice(0, 10)} … ${s.to.slice(0, 10)}`;
console.log(
  `history:     generated, ${report.history.accounts} accounts, ${report.history.days} days (+${report.history.warmupDays} warm-up), seed ${report.history.seed}`,
);
console.log(slice('training', report.training));
console.log(slice('calibration', report.calibration));
console.log(slice('test', report.test));
console.log('');
console.log(`on the test slice; review budget ${pct(report.reviewBudget)} of attempts`);
console.log('scorer   ROC AUC  PR AUC   recall@budget  FPR@budget  precision@budget');
const row = (name: string, q: ScorerQuality) =>
  console.log(
    `${name.padEnd(8)} ${fmt(q.rocAuc)}   ${fmt(q.prAuc)}   ${pct(q.atBudget.recall).padStart(9)}      ${pct(q.atBudget.falsePositiveRate).padStart(7)}     ${pct(q.atBudget.precision).padStart(7)}`,
  );
row('model', report.model);
row('rules', report.rules);
console.log('');
console.log('share sent to review, by kind of test attempt      model     rules');
for (const [kind, count] of Object.entries(report.testKinds)) {
  const { model, rules } = { model: report.model.reviewedByKind[kind], rules: report.rules.reviewedByKind[kind] };
  console.log(
    `  ${kind.padEnd(16)} ${String(count).padStart(6)} attempts   ${pct(model).padStart(8)}  ${pct(rules).padStart(8)}`,
  );
}
console.log('');
console.log(
  `calibration: mean P(fraud) ${pct(report.meanProbability)} against ${pct(report.test.fraud / report.test.attempts)} observed`,
);
console.log(`model probability that fills the budget: ${report.modelThresholdAtBudget.toFixed(4)}`);
console.log(
  `scoring (features + score + top-5 explanation): p50 ${(report.scoringMs.p50 * 1000).toFixed(1)} µs, p99 ${(report.scoringMs.p99 * 1000).toFixed(1)} µs, max ${(report.scoringMs.max * 1000).toFixed(1)} µs`,
);
console.log(`training: ${report.trainedModel.training.iterations} Newton steps; whole run ${seconds} s`);
const out = option('out');
if (out) {
  writeFileSync(out, `${JSON.stringify(report.trainedModel, null, 2)}\n`);
  console.log(`model written to ${out}`);
}
