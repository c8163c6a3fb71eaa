import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentFailed } from '../../../payments';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { CheckoutProcess } from './checkout.process';

/**
 * A failed capture undoes the order; a failed void or refund is recorded for an operator to see.
 * A void refused because the payment was captured meanwhile is no failure: the capture reaches the
 * cancelled checkout, which refunds it (the timeline then shows `payment_refunded`).
 */
@OnIntegrationEvent(PaymentFailed, { module: 'orders', name: 'OnPaymentFailed', batch: true })
export class OnPaymentFailedHandler implements IntegrationEventHandler<PaymentFailed> {
  constructor(
    private readonly checkout: CheckoutProcess,
    private readonly timeline: OrderTimelineRepository,
  ) {}

  async handle(event: PaymentFailed, tx: Transaction): Promise<void> {
    const { orderId, operation, reason } = event.payload;
    if (operation === 'capture') return this.checkout.advance(tx, orderId, { kind: 'payment_capture_failed' });
    if (operation === 'void' && reason === 'already_captured') return;
    await this.timeline.recordIfKnown(tx, orderId, `payment_${operation}_failed`, reason);
  }
}
