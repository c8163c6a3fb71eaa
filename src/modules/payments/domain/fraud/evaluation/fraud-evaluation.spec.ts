import { evaluateFraudModel } from './fraud-evaluation';
import { replayHistory } from './replay-history';
import { DEFAULT_FRAUD_HISTORY, generateFraudHistory } from './synthetic-fraud-history';
import { loadPaymentsConfig } from '../../../payments.config';

/** The rules with their default settings (no `RISK_*` variables set). */
const riskPolicy = loadPaymentsConfig({}).risk;

describe('fraud model offline evaluation', () => {
  it('beats the seven rules on PR AUC and on recall at a 2 % review budget, on a later time slice', () => {
    const report = evaluateFraudModel({ riskPolicy, history: { accounts: 4000, days: 120, seed: 42 } });
    expect(report.training.to <= report.calibration.from).toBe(true);
    expect(report.calibration.to <= report.test.from).toBe(true);
    expect(report.test.fraud).toBeGreaterThan(30);
    expect(report.model.prAuc).toBeGreaterThan(report.rules.prAuc * 2);
    expect(report.model.atBudget.recall).toBeGreaterThan(report.rules.atBudget.recall * 1.5);
    expect(report.model.atBudget.falsePositiveRate).toBeLessThan(report.rules.atBudget.falsePositiveRate);
    expect(report.model.rocAuc).toBeGreaterThan(report.rules.rocAuc);
  });

  it('computes every attempt’s features from the past only: cutting the future off changes nothing', () => {
    const options = { ...DEFAULT_FRAUD_HISTORY, accounts: 800, days: 30, warmupDays: 15 };
    const events = generateFraudHistory(options);
    const cut = events[Math.floor(events.length * 0.75)].at;
    const full = replayHistory(events, riskPolicy, options.periodStart).filter((a) => a.at < cut);
    const past = replayHistory(
      events.filter((e) => e.at < cut),
      riskPolicy,
      options.periodStart,
    );
    expect(past.length).toBeGreaterThan(500);
    expect(full).toEqual(past);
  });
});
