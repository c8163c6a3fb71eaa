import { Text } from '@mantine/core';
import type { Assessment, Explanation, FeatureContribution } from './fraud-api';

/** The score a reviewer reads: the model's P(fraud) as a percentage, else the rules' 0–100. */
export function scoreInWords(assessment: Assessment | null): string {
  if (!assessment) return 'not assessed';
  if (assessment.score !== null) {
    return `${(assessment.score * 100).toFixed(1)} % (model v${assessment.modelVersion ?? '?'})`;
  }
  return `${assessment.rulesScore} / 100 (rules)`;
}

/** A feature's contribution: `first_order_high_amount +1.84`. */
export function featureInWords(feature: FeatureContribution): string {
  const sign = feature.contribution >= 0 ? '+' : '−';
  return `${feature.feature.replaceAll('_', ' ')} ${sign}${Math.abs(feature.contribution).toFixed(2)}`;
}

const EXPLANATION_STATE: Record<Explanation['status'], string> = {
  pending: 'being written',
  ready: 'ready',
  failed: 'failed',
  disabled: 'no AI model is configured',
  skipped: 'skipped (decided before it was written)',
};

/** The AI explanation's state, and its text (or problem) when it has one. */
export function ExplanationText({
  explanation,
  full = false,
}: {
  readonly explanation: Explanation | null;
  /** The whole text; otherwise its first 160 characters. */
  readonly full?: boolean;
}) {
  if (!explanation) return <Text size="sm">None asked for</Text>;
  const text =
    explanation.text && !full && explanation.text.length > 160
      ? `${explanation.text.slice(0, 160)}…`
      : explanation.text;
  return (
    <Text size="sm">
      <strong>{EXPLANATION_STATE[explanation.status]}</strong>
      {text && `: ${text}`}
      {explanation.problem && ` (${explanation.problem})`}
    </Text>
  );
}
