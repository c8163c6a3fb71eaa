import { ProviderWebhookEvent } from '../payment-provider';
import { SandboxWebhookBody } from './sandbox-webhooks';

/** What a sandbox event means for Arcade's payment. */
export function toWebhookEffect(body: SandboxWebhookBody): ProviderWebhookEvent['effect'] {
  const data = body.data;
  switch (body.type) {
    case 'charge.authorized':
      return { kind: 'authorized', last4: data.last4 };
    case 'charge.failed':
      return { kind: 'declined', reason: data.reason === 'insufficient_funds' ? 'insufficient_funds' : 'declined' };
    case 'charge.captured':
      return { kind: 'captured', amount: Number(data.capturedAmount) };
    case 'charge.voided':
      return { kind: 'voided' };
    case 'charge.expired':
      return { kind: 'expired' };
    case 'charge.refunded':
      return { kind: 'refunded', totalRefunded: Number(data.amountRefunded) };
    case 'charge.disputed':
      return { kind: 'disputed', reason: data.reason };
    default:
      return { kind: 'ignored' };
  }
}
