import { WebhookVerificationError } from '../../../../platform/webhooks';
import { ProviderWebhookEvent } from '../../infrastructure/providers/payment-provider';

/** Longest event id, type or provider reference stored (they are keys of btree indexes). */
export const MAX_WEBHOOK_TEXT = 255;

const LAST4 = /^\d{4}$/;

/**
 * Refuses a verified event whose fields could not be stored as they are: ids, types and references
 * of 1–255 characters without NUL, amounts that are non-negative safe integers of minor units,
 * `last4` four digits. A signature proves who sent an event, not that its shape is what Arcade
 * expects (a provider's API version can change it), so this is a 400, never a 500.
 */
export function assertWellFormedEvent(event: ProviderWebhookEvent): void {
  const problem = problemOf(event);
  if (problem) throw new WebhookVerificationError(`The event is not well-formed: ${problem}.`);
}

function problemOf(event: ProviderWebhookEvent): string | undefined {
  if (!isText(event.id)) return 'id must be a string of 1 to 255 characters';
  if (!isText(event.type)) return 'type must be a string of 1 to 255 characters';
  if (event.paymentId !== null && typeof event.paymentId !== 'string') return 'the payment id must be a string';
  if (event.reference !== null && !isText(event.reference))
    return 'the reference must be a string of 1 to 255 characters';
  const effect = event.effect;
  if (effect.kind === 'captured' && !isMinorUnits(effect.amount)) return 'the captured amount must be minor units';
  if (effect.kind === 'refunded' && !isMinorUnits(effect.totalRefunded))
    return 'the refunded amount must be minor units';
  if (
    effect.kind === 'authorized' &&
    effect.last4 !== null &&
    !(typeof effect.last4 === 'string' && LAST4.test(effect.last4))
  )
    return 'last4 must be four digits';
  return undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_WEBHOOK_TEXT && !value.includes('\u0000');
}

function isMinorUnits(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
