import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentFailed } from '../../../payments';
import { recordOnTimeline } from '../../infrastructure/order-timeline';
import { CheckoutProcess } from './checkout-process';

/** A failed capture undoes the order; a failed void or refund is recorded for an operator to see. */
@OnIntegrationEvent(PaymentFailed, { module: 'orders' })
export class OnPaymentFailed implements IntegrationEventHandler<PaymentFailed> {
  constructor(private readonly checkout: CheckoutProcess) {}

  async handle(event: PaymentFailed, tx: Transaction): Promise<void> {
    const { orderId, operation, reason } = event.payload;
    if (operation === 'capture') return this.checkout.advance(tx, orderId, { kind: 'payment_capture_failed' });
    const known = (await tx.manager.query('SELECT 1 FROM orders WHERE id = $1', [orderId])) as unknown[];
    if (known.length > 0) await recordOnTimeline(tx.manager, orderId, `payment_${operation}_failed`, reason);
  }
}
