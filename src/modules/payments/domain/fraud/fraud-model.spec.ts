import { replayHistory } from './evaluation/replay-history';
import { DEFAULT_FRAUD_HISTORY, generateFraudHistory } from './evaluation/synthetic-fraud-history';
import { FEATURE_NAMES } from './fraud-features';
import { FraudModelFormatError, parseFraudModel } from './fraud-model';
import { FraudScorer } from './fraud-scorer';
import { trainFraudModel } from './train-fraud-model';
import { loadPaymentsConfig } from '../../payments.config';

/** The rules with their default settings (no `RISK_*` variables set). */
const policy = loadPaymentsConfig({}).risk;
const small = { ...DEFAULT_FRAUD_HISTORY, accounts: 1500, days: 60, warmupDays: 30, fraudIntensity: 2 };
const attempts = replayHistory(generateFraudHistory(small), policy, small.periodStart);
const training = attempts.slice(0, Math.floor(attempts.length * 0.7));
const calibration = attempts.slice(training.length);
const model = trainFraudModel(training, calibration);

describe('fraud model training', () => {
  it('trains on a small seeded fixture to the same JSON every time', () => {
    expect(training.filter((a) => a.fraud).length).toBeGreaterThan(20);
    expect(trainFraudModel(training, calibration)).toEqual(model);
    expect(model.training).toMatchObject({ rows: training.length, converged: true });
    expect(model.features).toEqual(FEATURE_NAMES);
    expect(model.calibration.method).toBe('platt');
  });

  it('survives a round trip through JSON text and scores identically', () => {
    const stored = parseFraudModel(JSON.parse(JSON.stringify(model)));
    const [before, after] = [new FraudScorer(model), new FraudScorer(stored)];
    for (const a of calibration.slice(0, 50)) expect(after.score(a.signals)).toEqual(before.score(a.signals));
  });

  it('refuses to train without both fraudulent and legitimate attempts', () => {
    const legitimate = training.filter((a) => !a.fraud);
    expect(() => trainFraudModel(legitimate, calibration)).toThrow(RangeError);
  });
});

describe('fraud scoring', () => {
  const scorer = new FraudScorer(model);

  it('explains each score exactly: the base plus all contributions is the log-odds', () => {
    for (const a of calibration.slice(0, 200)) {
      const all = scorer.score(a.signals, FEATURE_NAMES.length);
      const sum = all.contributions.reduce((z, c) => z + c.contribution, all.baseLogit);
      expect(sum).toBeCloseTo(all.logit, 9);
      expect(all.probability).toBeCloseTo(1 / (1 + Math.exp(-all.logit)), 12);
      const top = scorer.score(a.signals).contributions.map((c) => Math.abs(c.contribution));
      expect(top).toHaveLength(5);
      expect([...top].sort((x, y) => y - x)).toEqual(top);
    }
  });

  it('ranks planted fraud above legitimate attempts, explained by the features of its pattern', () => {
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const p = (fraud: boolean) =>
      mean(calibration.filter((a) => a.fraud === fraud).map((a) => scorer.score(a.signals).probability));
    expect(p(true)).toBeGreaterThan(10 * p(false));
    const takeover = calibration.find(
      (a) => a.label.pattern === 'account_takeover' && a.signals.paymentMethodNewToAccount,
    );
    const reasons = scorer
      .score(takeover!.signals)
      .contributions.filter((c) => c.contribution > 0)
      .map((c) => c.feature);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/new_address_on_established_account|amount_vs_usual_basket|new_payment_method/),
      ]),
    );
  });
});

describe('stored model validation', () => {
  const broken = (change: object) => () => parseFraudModel({ ...JSON.parse(JSON.stringify(model)), ...change });

  it('accepts the model it trained and refuses what it cannot score', () => {
    expect(parseFraudModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(() => parseFraudModel('model')).toThrow(FraudModelFormatError);
    expect(broken({ format: 'arcade.fraud-model/0' })).toThrow(/format/);
    expect(broken({ featureSet: 'fraud-features/0' })).toThrow(/feature set/);
    expect(broken({ features: [...FEATURE_NAMES].reverse() })).toThrow(/features differ/);
    expect(broken({ coefficients: model.coefficients.map(() => null) })).toThrow(/coefficients/);
    expect(
      broken({ standardization: { ...model.standardization, scale: model.standardization.scale.map(() => 0) } }),
    ).toThrow(/scale/);
    expect(broken({ calibration: { method: 'platt', slope: -1, intercept: 0 } })).toThrow(/slope/);
    expect(broken({ featureSpec: { firstOrderHighAmount: 50_000 } })).toThrow(/smallAmount/);
  });
});
