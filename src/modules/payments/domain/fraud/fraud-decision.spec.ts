import { RiskAssessment } from '../risk-assessment';
import { decideFraudAction, DEFAULT_FRAUD_THRESHOLDS, FraudThresholds } from './fraud-decision';

const calmRules: RiskAssessment = { score: 0, decision: 'allow', reasons: [] };
const blockingRules: RiskAssessment = {
  score: 90,
  decision: 'block',
  reasons: ['velocity', 'failed_attempts', 'country_mismatch'],
};
const thresholds: FraudThresholds = { reviewProbability: 0.2, blockProbability: 0.9, rulesBlockFloor: 'review' };
const decide = (
  modelProbability: number | null,
  rules = calmRules,
  providerRiskLevel: 'normal' | 'highest' = 'normal',
  t = thresholds,
) => decideFraudAction({ rules, providerRiskLevel, modelProbability }, t);

describe('fraud decision policy', () => {
  it('turns the model probability into allow / review / block at the configured thresholds', () => {
    expect(decide(0.19)).toEqual({ decision: 'allow', decidedBy: 'model', reasons: [] });
    expect(decide(0.2)).toEqual({ decision: 'review', decidedBy: 'model', reasons: ['model_review'] });
    expect(decide(0.9)).toEqual({ decision: 'block', decidedBy: 'model', reasons: ['model_block'] });
    expect(decide(0.5, calmRules, 'normal', { ...thresholds, reviewProbability: 0.6 }).decision).toBe('allow');
  });

  it('blocks on the provider’s highest risk whatever the model says', () => {
    expect(decide(0.001, calmRules, 'highest')).toEqual({
      decision: 'block',
      decidedBy: 'guardrail',
      reasons: ['provider_highest'],
    });
    expect(decide(null, calmRules, 'highest').decision).toBe('block');
  });

  it('lets the rules decide alone when no model is trained (cold start)', () => {
    expect(decide(null, blockingRules)).toEqual({
      decision: 'block',
      decidedBy: 'rules',
      reasons: blockingRules.reasons,
    });
    const review: RiskAssessment = { score: 65, decision: 'review', reasons: ['amount_very_high', 'country_mismatch'] };
    expect(decide(null, review)).toMatchObject({ decision: 'review', decidedBy: 'rules' });
  });

  it('raises a calm model decision to the floor when the rules would block', () => {
    expect(decide(0.01, blockingRules)).toEqual({
      decision: 'review',
      decidedBy: 'guardrail',
      reasons: ['rules_block', ...blockingRules.reasons],
    });
    expect(decide(0.95, blockingRules)).toMatchObject({ decision: 'block', decidedBy: 'model' });
    expect(decide(0.01, blockingRules, 'normal', { ...thresholds, rulesBlockFloor: 'block' }).decision).toBe('block');
    expect(decide(0.01, blockingRules, 'normal', { ...thresholds, rulesBlockFloor: 'none' }).decision).toBe('allow');
  });

  it('refuses thresholds outside 0 < review ≤ block ≤ 1', () => {
    expect(() => decide(0.5, calmRules, 'normal', { ...thresholds, reviewProbability: 0 })).toThrow(RangeError);
    expect(() => decide(0.5, calmRules, 'normal', { ...thresholds, reviewProbability: 0.95 })).toThrow(RangeError);
    expect(() => decide(0.5, calmRules, 'normal', { ...thresholds, blockProbability: 1.5 })).toThrow(RangeError);
    expect(() => decide(0.5, calmRules, 'normal', DEFAULT_FRAUD_THRESHOLDS)).not.toThrow();
  });
});
