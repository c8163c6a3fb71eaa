import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { PaymentRepository } from '../../infrastructure/payment.repository';
import { PaymentProviders } from '../../infrastructure/providers/payment-providers';
import { SandboxProvider } from '../../infrastructure/providers/sandbox/sandbox.provider';
import { SandboxWebhooks } from '../../infrastructure/providers/sandbox/sandbox-webhooks';
import { ReceiveWebhookUseCase, WebhookReceipt } from '../receive-webhook/receive-webhook.use-case';

/** `POST /payments/sandbox/disputes`: whose charge, and the card network's reason. */
export interface OpenSandboxDisputeInput {
  readonly orderId: string;
  /** The network's reason code, e.g. `fraudulent` (a chargeback label), `product_not_received`. */
  readonly reason?: string;
}

/** What the sandbox did: the signed event it sent, and what Arcade's webhook route made of it. */
export interface SandboxDisputeView {
  readonly paymentId: string;
  readonly orderId: string;
  readonly eventId: string;
  readonly reason: string;
  readonly receipt: WebhookReceipt;
}

/**
 * The sandbox provider is told that the cardholder disputed a captured charge (a test tool, like
 * the sandbox itself: there is no sandbox, so a 404, in production unless `PAYMENTS_SANDBOX=enabled`).
 * It logs its signed `charge.disputed` event (as Stripe sends `charge.dispute.created`) and sends
 * it now to Arcade's webhook route — the same bytes, signature and receipt as a delivery over HTTP,
 * whether or not `SANDBOX_WEBHOOK_DELIVERY` is on; a later delivery of the same event is a
 * duplicate. A `fraudulent` dispute labels the payment fraudulent for the next training.
 */
@Injectable()
export class OpenSandboxDisputeUseCase {
  constructor(
    private readonly providers: PaymentProviders,
    private readonly payments: PaymentRepository,
    private readonly sandbox: SandboxProvider,
    private readonly webhooks: SandboxWebhooks,
    private readonly receiveWebhook: ReceiveWebhookUseCase,
  ) {}

  async execute({ orderId, reason = 'fraudulent' }: OpenSandboxDisputeInput): Promise<SandboxDisputeView> {
    if (!this.providers.get('sandbox')) throw ProblemException.notFound('Payment provider "sandbox"');
    const payment = await this.payments.findByOrder(orderId);
    if (!payment || payment.provider !== 'sandbox' || !payment.providerRef) {
      throw ProblemException.notFound('Sandbox payment of this order');
    }
    if (!(await this.sandbox.dispute(payment.providerRef, reason))) {
      throw new ProblemException({
        status: 409,
        type: 'charge-not-captured',
        detail: 'Only a captured charge can be disputed; this one is not (or no longer) captured.',
        extensions: { status: payment.status },
      });
    }
    const events = await this.webhooks.eventsFor(payment.id);
    const event = events.filter((e) => e.type === 'charge.disputed').at(-1)!;
    const { payload, headers } = this.webhooks.signedDelivery(event);
    const receipt = await this.receiveWebhook.execute({
      provider: 'sandbox',
      rawBody: Buffer.from(payload),
      headers,
    });
    return { paymentId: payment.id, orderId: payment.orderId, eventId: event.id, reason, receipt };
  }
}
