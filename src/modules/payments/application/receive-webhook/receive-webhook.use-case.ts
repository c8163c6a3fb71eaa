import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { WebhookVerificationError } from '../../../../platform/webhooks';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { ProviderWebhookEvent } from '../../infrastructure/providers/payment-provider';
import { PaymentProviders } from '../../infrastructure/providers/payment-providers';
import { WebhookOutcome, WebhookReceiptRepository } from '../../infrastructure/webhook-receipt.repository';
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

/** Thrown inside the receipt's transaction to roll back what a duplicate delivery applied. */
class DuplicateDelivery extends Error {}

/**
 * Verifies a provider's webhook over its raw bytes, then applies it and records its event id once,
 * in one transaction: lock the payment, apply, insert the receipt with its outcome. Concurrent
 * deliveries of one event wait for each other on the payment's lock (or, for an unknown payment,
 * on the receipt's primary key); the later one finds the receipt, rolls back what it applied and is
 * acknowledged as a duplicate. Three statements in the usual case (the receipt used to be inserted
 * first and updated with its outcome at the end: four).
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
    try {
      return await this.uow.run(async (tx) => {
        const payment = await this.payments.lockForProviderEvent(tx, provider.name, event.paymentId, event.reference);
        const outcome: WebhookOutcome = payment ? await this.applier.apply(tx, payment, event) : 'unknown_payment';
        const receipt = { provider: provider.name, eventId: event.id, type: event.type, outcome };
        if (!(await this.receipts.record(tx, { ...receipt, paymentId: payment?.id ?? null }))) {
          throw new DuplicateDelivery(event.id);
        }
        return { received: true as const, duplicate: false, outcome };
      });
    } catch (error) {
      if (error instanceof DuplicateDelivery) return { received: true, duplicate: true, outcome: 'duplicate' };
      throw error;
    }
  }
}
