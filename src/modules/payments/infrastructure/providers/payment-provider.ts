import { Money } from '../../../../platform/messaging/contracts';

/** What a provider knows about a payment method before it is charged (no card data). */
export interface PaymentMethodInfo {
  readonly last4: string | null;
  readonly country: string | null;
  readonly riskLevel: 'normal' | 'elevated' | 'highest';
  /**
   * The provider's fingerprint of the card: the same card gives the same value across tokens and
   * accounts (Stripe `card.fingerprint`); null when the provider does not tell.
   */
  readonly fingerprint: string | null;
}

/** An authorization: hold `amount` on the card `token` for the order's payment. */
export interface AuthorizeRequest {
  readonly idempotencyKey: string;
  readonly paymentId: string;
  readonly orderId: string;
  readonly amount: Money;
  readonly token: string;
}

/** What a processor answered to an authorization (a transient failure is thrown instead). */
export type AuthorizeResult =
  | { readonly outcome: 'authorized'; readonly reference: string; readonly last4: string | null }
  | { readonly outcome: 'declined'; readonly reason: 'declined' | 'insufficient_funds'; readonly last4: string | null };

/** What a processor answered to a capture, void or refund. */
export type ProviderOutcome<T extends string> =
  { readonly outcome: T; readonly reference?: string } | { readonly outcome: 'failed'; readonly reason: string };

/** A fact a provider reported by webhook, normalized. */
export interface ProviderWebhookEvent {
  readonly id: string;
  readonly type: string;
  /** Arcade's payment id when the provider echoes our metadata. */
  readonly paymentId: string | null;
  /** The provider's reference of the authorization (charge, PaymentIntent). */
  readonly reference: string | null;
  /** What it means for the payment; `ignored` for events Arcade does not act on. */
  readonly effect:
    | { readonly kind: 'authorized'; readonly last4: string | null }
    | { readonly kind: 'declined'; readonly reason: 'declined' | 'insufficient_funds' }
    | { readonly kind: 'captured'; readonly amount: number }
    | { readonly kind: 'voided' }
    | { readonly kind: 'expired' }
    | { readonly kind: 'refunded'; readonly totalRefunded: number }
    | { readonly kind: 'disputed'; readonly reason: string | null }
    | { readonly kind: 'ignored' };
}

/**
 * A card processor. Every money-moving call carries an idempotency key: repeating a call with the
 * same key returns the first answer and moves no money again. A transient failure (network,
 * processor hiccup) is thrown as {@link ProviderUnavailableError}; business outcomes are returned.
 */
export interface PaymentProvider {
  readonly name: string;
  describe(token: string): Promise<PaymentMethodInfo>;
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  capture(request: { idempotencyKey: string; reference: string; amount: Money }): Promise<ProviderOutcome<'captured'>>;
  void(request: { idempotencyKey: string; reference: string }): Promise<ProviderOutcome<'voided'>>;
  refund(request: { idempotencyKey: string; reference: string; amount: Money }): Promise<ProviderOutcome<'refunded'>>;
  /** Verifies the signature and freshness over the raw body, then parses; throws WebhookVerificationError. */
  parseWebhook(rawBody: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>): ProviderWebhookEvent;
}

/** The provider could not be reached or failed transiently: the same call may be retried. */
export class ProviderUnavailableError extends Error {
  override readonly name = 'ProviderUnavailableError';
}

/** Injection token of the configured providers, by name. */
export const PAYMENT_PROVIDERS = Symbol('PAYMENT_PROVIDERS');
