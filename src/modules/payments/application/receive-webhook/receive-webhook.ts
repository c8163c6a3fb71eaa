import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { WebhookVerificationError } from '../../../../platform/webhooks';
import { paymentsRepository } from '../../infrastructure/payments.repository';
import { PaymentProviders } from '../../infrastructure/providers/payment-providers';
import { applyProviderEvent } from './apply-provider-event';
import { assertWellFormedEvent } from './well-formed-event';

export interface WebhookReceipt {
  readonly received: true;
  readonly duplicate: boolean;
  readonly outcome: 'applied' | 'ignored' | 'unknown_payment' | 'duplicate';
}

/**
 * Verifies a provider's webhook over its raw bytes, then records its event id once: the receipt's
 * primary key serializes concurrent deliveries of one event, so only the first has an effect and
 * the others are acknowledged as duplicates.
 */
@Injectable()
export class ReceiveWebhook {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly providers: PaymentProviders,
  ) {}

  async receive(
    providerName: string,
    rawBody: Buffer | undefined,
    headers: Readonly<Record<string, string | string[] | undefined>>,
  ): Promise<WebhookReceipt> {
    const provider = this.providers.get(providerName);
    if (!provider) throw ProblemException.notFound(`Payment provider "${providerName}"`);
    let event;
    try {
      event = provider.parseWebhook(rawBody ?? Buffer.alloc(0), headers);
      assertWellFormedEvent(event);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      throw new ProblemException({ status: 400, type: 'invalid-webhook', detail: error.message });
    }
    return this.uow.run(async (tx) => {
      const fresh = (await tx.manager.query(
        `INSERT INTO webhook_receipts (provider, event_id, type, outcome) VALUES ($1, $2, $3, 'received')
         ON CONFLICT (provider, event_id) DO NOTHING RETURNING event_id`,
        [provider.name, event.id, event.type],
      )) as unknown[];
      if (fresh.length === 0) return { received: true, duplicate: true, outcome: 'duplicate' };
      const payment = await paymentsRepository.lockForProviderEvent(
        tx.manager,
        provider.name,
        event.paymentId,
        event.reference,
      );
      const outcome = payment ? await applyProviderEvent(tx, payment, event) : 'unknown_payment';
      await tx.manager.query(
        `UPDATE webhook_receipts SET outcome = $3, payment_id = $4 WHERE provider = $1 AND event_id = $2`,
        [provider.name, event.id, outcome, payment?.id ?? null],
      );
      return { received: true, duplicate: false, outcome };
    });
  }
}
