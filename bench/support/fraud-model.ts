import { replayHistory } from '../../src/modules/payments/domain/fraud/evaluation/replay-history';
import {
  DEFAULT_FRAUD_HISTORY,
  generateFraudHistory,
} from '../../src/modules/payments/domain/fraud/evaluation/synthetic-fraud-history';
import { trainAndMeasure } from '../../src/modules/payments/domain/fraud/train-and-measure';
import { loadPaymentsConfig } from '../../src/modules/payments/payments.config';
import { BenchContext } from './context';

/**
 * Trains a fraud model on the synthetic history (2,000 accounts, 60 days) in this process and
 * stores it in payments' schema as a candidate; returns its version (activate it with an UPDATE).
 */
export async function storeSyntheticFraudModel(ctx: BenchContext): Promise<number> {
  const history = { ...DEFAULT_FRAUD_HISTORY, accounts: 2000, days: 60 };
  const examples = replayHistory(generateFraudHistory(history), loadPaymentsConfig({}).risk, history.periodStart);
  const { model, metrics } = trainAndMeasure(examples);
  const [{ version }] = (
    await ctx.sql.query(
      `INSERT INTO payments.fraud_models (status, source, model, metrics, created_by)
       VALUES ('candidate', 'synthetic', $1, $2, 'bench') RETURNING version`,
      [JSON.stringify(model), JSON.stringify(metrics)],
    )
  ).rows as { version: number }[];
  return version;
}
