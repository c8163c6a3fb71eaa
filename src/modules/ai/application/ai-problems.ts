import { ProblemException } from '../../../platform/http';
import { AiDomainError } from '../domain/ai-domain-error';

/** The HTTP status of each refusal of the AI rules (docs/modules/ai.md#problems). */
const STATUS: Readonly<Record<string, number>> = {
  'invalid-amount': 400,
  'invalid-budget': 400,
  'invalid-estimate': 400,
  'invalid-label': 400,
  'invalid-model-price': 400,
  'invalid-prompt-version': 400,
  'invalid-split': 400,
  'invalid-template': 400,
  'invalid-variable-value': 400,
  'malformed-placeholder': 400,
  'missing-variable': 400,
  'reserved-label': 400,
  'undeclared-variable': 400,
  'unused-variable': 400,
  'unknown-version': 400,
  'currency-mismatch': 409,
  'protected-label': 403,
  'unknown-label': 404,
};

/**
 * The problem for a refusal of the AI rules: its code is the problem type, its details the
 * extensions. A code without a status here (e.g. `invalid-usage`, a provider's fault) is rethrown.
 */
export function problemOf(error: unknown): unknown {
  if (!(error instanceof AiDomainError) || STATUS[error.code] === undefined) return error;
  return new ProblemException({
    status: STATUS[error.code],
    type: error.code,
    detail: error.message,
    extensions: { ...error.details },
  });
}

/** Runs `work`, turning a refusal of the AI rules into its problem. */
export async function answeringProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw problemOf(error);
  }
}

export const promptNotFound = (name: string): ProblemException =>
  new ProblemException({ status: 404, type: 'prompt-not-found', detail: `No prompt "${name}".`, extensions: { name } });

/** No provider is configured (or none for the prompt's provider id): AI features are off. */
export const aiDisabled = (detail = 'AI features are disabled: no model provider is configured.'): ProblemException =>
  new ProblemException({ status: 503, type: 'ai-disabled', detail });

/** A hard budget limit refuses the call before it is made (Helicone answers its cost limits with 429 too). */
export const budgetExhausted = (budgetId: string, windowEnd: Date, now: Date): ProblemException =>
  new ProblemException({
    status: 429,
    type: 'ai-budget-exhausted',
    detail: 'An AI spend budget would be exceeded by this call; it was not made.',
    extensions: {
      budgetId,
      windowEnd: windowEnd.toISOString(),
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)),
    },
  });

/** The provider failed after the SDK's retries, and the feature's fallback model too (if any). */
export const providerFailed = (errorType: string, httpStatus: number | null, attempts: number): ProblemException =>
  new ProblemException({
    status: 502,
    type: 'ai-provider-failed',
    detail: `The model provider failed (${errorType}) after ${attempts} attempt(s).`,
    extensions: { errorType, httpStatus, attempts },
  });
