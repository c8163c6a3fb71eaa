import { loadPaymentsConfig } from '../../payments.config';
import { replayHistory } from './evaluation/replay-history';
import { generateFraudHistory, DEFAULT_FRAUD_HISTORY } from './evaluation/synthetic-fraud-history';
import { trainAndMeasure } from './train-and-measure';

describe('trainAndMeasure (the pipeline of npm run fraud:train)', () => {
  const history = { ...DEFAULT_FRAUD_HISTORY, accounts: 800, days: 45, seed: 7 };
  const examples = () => replayHistory(generateFraudHistory(history), loadPaymentsConfig({}).risk, history.periodStart);

  it('is deterministic: the same seeded history gives the same model and figures', () => {
    const first = trainAndMeasure(examples());
    const second = trainAndMeasure(examples());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.metrics.training.positives).toBeGreaterThan(0);
    expect(first.metrics.model.prAuc).not.toBeNull();
    expect(first.metrics.rules.prAuc).not.toBeNull();
    expect(first.metrics.test.rows).toBe(
      first.metrics.examples - first.metrics.training.rows - first.metrics.calibration.rows,
    );
  });

  it('refuses a history without any fraud label', () => {
    const legitimate = examples().map((e) => ({ ...e, fraud: false }));
    expect(() => trainAndMeasure(legitimate)).toThrow(RangeError);
  });
});
