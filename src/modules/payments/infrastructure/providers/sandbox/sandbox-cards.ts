import { createHash } from 'node:crypto';
import { PaymentMethodInfo } from '../payment-provider';

/** How a sandbox test token behaves, like a processor's documented test cards. */
export interface SandboxCard extends Omit<PaymentMethodInfo, 'fingerprint'> {
  readonly last4: string;
  readonly behaviour: 'approve' | 'decline' | 'insufficient_funds' | 'transient_error';
}

/** The sandbox's test tokens and how each card behaves. */
export const SANDBOX_CARDS: Readonly<Record<string, SandboxCard>> = {
  tok_visa: { last4: '4242', country: 'US', riskLevel: 'normal', behaviour: 'approve' },
  tok_visa_de: { last4: '3184', country: 'DE', riskLevel: 'normal', behaviour: 'approve' },
  tok_chargeDeclined: { last4: '0002', country: 'US', riskLevel: 'normal', behaviour: 'decline' },
  tok_insufficientFunds: { last4: '9995', country: 'US', riskLevel: 'normal', behaviour: 'insufficient_funds' },
  tok_riskHigh: { last4: '4954', country: 'US', riskLevel: 'highest', behaviour: 'approve' },
  tok_processingError: { last4: '0119', country: 'US', riskLevel: 'normal', behaviour: 'transient_error' },
};

/**
 * An unknown token is a card the issuer refuses (the sandbox never errors on input it does not know).
 * `<test token>:<anything>` behaves like the test token but is another physical card (its own
 * fingerprint), so tests and demos can give each shopper a card of their own.
 */
export function sandboxCard(token: string): SandboxCard {
  const base = token.split(':', 1)[0];
  return SANDBOX_CARDS[base] ?? { last4: '0000', country: null, riskLevel: 'normal', behaviour: 'decline' };
}

/** The sandbox's card fingerprint: the same token (card) gives the same value, as Stripe's does. */
export function sandboxFingerprint(token: string): string {
  return `fp_sbx_${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}
