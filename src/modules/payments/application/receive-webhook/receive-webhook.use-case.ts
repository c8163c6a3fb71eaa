import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { WebhookVerificationError } from '../../../../platform/webhooks';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { ProviderWebhookEvent } from '../../infrastructure/providers/payment-provider';
import { PaymentProviders } from '../../infrastructure/providers/payment-providers';
import { WebhookReceiptRepository } from '../../infrastructure/webhook-receipt.repository';
import { ProviderEventApplier } from './apply-provider-event';
import { assertWellFormedEvent } from './well-formed-event';

/** A provider's callback as it arrived: the signature is checked over these exact bytes. */
export interface ReceiveWebhookInput {
  readonly provider: string;
  readonly rawBody: Buffer | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** What the provider is told: received, and whether it changed anything. */
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
export class ReceiveWebhookUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly providers: PaymentProviders,
    private readonly payments: PaymentRepository,
    private readonly receipts: WebhookReceiptRepository,
    private readonly applier: ProviderEventApplier,
  ) {}

  async execute({ provider: providerName, rawBody, headers }: ReceiveWebhookInput): Promise<WebhookReceipt> {
    const provider = this.providers.get(providerName);
    if (!provider) throw ProblemException.notFound(`Payment provider "${providerName}"`);
    let event: ProviderWebhookEvent;
    try {
      event = provider.parseWebhook(rawBody ?? Buffer.alloc(0), headers);
      assertWellFormedEvent(event);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      throw new ProblemException({ status: 400, type: 'invalid-webhook', detail: error.message });
    }
    return this.uow.run(async (tx) => {
      if (!(await this.receipts.receive(tx, provider.name, event.id, event.type)))
        return { received: true, duplicate: true, outcome: 'duplicate' };
      const payment = await this.payments.lockForProviderEvent(tx, provider.name, event.paymentId, event.reference);
      const outcome = payment ? await this.applier.apply(tx, payment, event) : 'unknown_payment';
      await this.receipts.settle(tx, provider.name, event.id, outcome, payment?.id ?? null);
      return { received: true, duplicate: false, outcome };
    });
  }
}
