/**
 * `npm run fraud:train [-- --label-delay-days 30] [--budget 0.02] [--as shadow|candidate]`: trains
 * the fraud model on the shop's labelled history in payments' schema (attempts older than the label
 * delay; chargebacks, admin marks and reviews as labels), measures it and the rules on the latest
 * 25 % by time, and stores it as a new version running in shadow (scored and logged, not acting).
 * `--synthetic [--accounts N --days N --seed N]` trains on the seeded synthetic history instead (a
 * demo shop with no labels yet). Promote with `npm run fraud:models -- promote <version>`.
 */
import 'reflect-metadata';
import { option, positiveInt, share } from './cli-options';
import { failed, withPayments } from './fraud-app';
import { FraudTraining, TrainingReport } from '../modules/payments/application/fraud-models/fraud-training';

const as = option('as') ?? 'shadow';
if (as !== 'shadow' && as !== 'candidate') {
  console.error(`--as must be shadow or candidate (got "${as}")`);
  process.exit(2);
}
const labelDelay = option('label-delay-days');
if (labelDelay !== undefined && !/^\d{1,4}$/.test(labelDelay)) {
  console.error(`--label-delay-days must be a whole number of days (got "${labelDelay}")`);
  process.exit(2);
}
const synthetic = process.argv.includes('--synthetic');
const reviewBudget = share('budget', 0.02);

const fmt = (x: number | null) => (x === null ? '   n/a' : x.toFixed(4));
const pct = (x: number | null) => (x === null ? '   n/a' : `${(100 * x).toFixed(1)} %`);

function print(report: TrainingReport): void {
  const m = report.metrics;
  console.log(
    `fraud model v${report.version} (${report.source}) stored as ${report.status}: ${m.examples} attempts, ${m.positives} fraudulent`,
  );
  console.log(
    `  training ${m.training.rows} (${m.training.positives} fraud), calibration ${m.calibration.rows} (${m.calibration.positives}), hold-out ${m.test.rows} (${m.test.positives})`,
  );
  console.log(`  hold-out, review budget ${pct(m.reviewBudget)}:  ROC AUC  PR AUC   recall   FPR`);
  for (const [name, q] of [
    ['model', m.model],
    ['rules', m.rules],
  ] as const) {
    console.log(
      `    ${name.padEnd(38)} ${fmt(q.rocAuc)}  ${fmt(q.prAuc)}  ${pct(q.recallAtBudget)}  ${pct(q.falsePositiveRateAtBudget)}`,
    );
  }
  console.log(`promote it with: npm run fraud:models -- promote ${report.version}`);
}

withPayments(async (app, actor) => {
  const training = app.get(FraudTraining);
  const report = synthetic
    ? await training.fromSynthetic({
        as,
        actor,
        reviewBudget,
        accounts: positiveInt('accounts', 8000),
        days: positiveInt('days', 120),
        seed: positiveInt('seed', 42),
      })
    : await training.fromHistory({ as, actor, reviewBudget, labelDelayDays: Number(labelDelay ?? 30) });
  print(report);
}).catch(failed);
