import { Injectable, Logger } from '@nestjs/common';
import { CompleteChatWithDataTools } from '../../../ai';
import { messageOf, problemDataOf } from '../../../../platform/errors';
import { MessageBus, ModuleUnreachableError } from '../../../../platform/messaging';
import { ExplanationOutcome } from '../../infrastructure/review-explanation.repository';

/** The AI feature, prompt and label of review explanations (grants, budgets and versions live in the ai module). */
export const RISK_EXPLANATIONS_FEATURE = 'payments.risk-explanations';
export const RISK_EXPLANATION_PROMPT = 'payments.risk-explanation';
export const RISK_EXPLANATION_LABEL = 'production';

/** An explanation longer than this is cut (a reviewer reads a few sentences). */
const MAX_CHARACTERS = 2000;

/** Problems after which trying again cannot help until an admin changes something. */
const FINAL_PROBLEMS = new Set([
  'ai-disabled',
  'prompt-not-found',
  'unknown-label',
  'missing-variable',
  'undeclared-variable',
]);

/** A review to explain: its payment and order. */
export interface ReviewToExplain {
  readonly paymentId: string;
  readonly orderId: string;
}

/**
 * Asks the AI module to explain a held payment's risk to its reviewer: `ai.CompleteChatWithDataTools`
 * with the `payments.risk-explanation` prompt, whose model reads the signals through the
 * `payments_risk_signals` tool (feature `payments.risk-explanations`, granted `payments:risk:read`
 * by an admin). Never throws: every refusal or failure becomes an outcome (`disabled` when no model
 * provider is configured; `failed` when trying again cannot help; else `pending` with a retry time).
 */
@Injectable()
export class ReviewExplainer {
  private readonly logger = new Logger('ReviewExplainer');

  constructor(private readonly bus: MessageBus) {}

  async explain(review: ReviewToExplain, options: { userId?: string; retryAt: Date }): Promise<ExplanationOutcome> {
    try {
      const { completion } = await this.bus.execute(
        new CompleteChatWithDataTools(
          RISK_EXPLANATIONS_FEATURE,
          RISK_EXPLANATION_PROMPT,
          RISK_EXPLANATION_LABEL,
          { paymentId: review.paymentId, orderId: review.orderId },
          options.userId ? { userId: options.userId, callingModule: 'payments' } : { callingModule: 'payments' },
        ),
      );
      const text = (completion.content ?? '').trim().slice(0, MAX_CHARACTERS);
      if (!text) return { status: 'pending', problem: 'ai-empty-explanation', retryAt: options.retryAt };
      return {
        status: 'ready',
        text,
        promptName: completion.prompt.name,
        promptVersion: completion.prompt.version,
        aiCallId: completion.callId,
      };
    } catch (error) {
      const problem = problemTypeOf(error);
      if (problem === 'ai-disabled') return { status: 'disabled', problem };
      if (FINAL_PROBLEMS.has(problem)) return { status: 'failed', problem };
      if (problem === 'unexpected') this.logger.warn(`payment ${review.paymentId} not explained: ${messageOf(error)}`);
      return { status: 'pending', problem, retryAt: options.retryAt };
    }
  }
}

/** The problem type of a refusal (`ai-budget-exhausted`), `module-unavailable`, or `unexpected`. */
function problemTypeOf(error: unknown): string {
  if (error instanceof ModuleUnreachableError) return 'module-unavailable';
  const type = problemDataOf(error)?.type;
  return type ? type.slice(type.lastIndexOf('/') + 1) : 'unexpected';
}
