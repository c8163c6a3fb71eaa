import { OrderConfirmed } from '../../../orders';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { LearnedSignalsRepository } from '../../infrastructure/learned-signals.repository';

/** A confirmed order is a basket bought together and part of its customer's history. */
@OnIntegrationEvent(OrderConfirmed, { module: 'recommendations', name: 'LearnFromOrderConfirmed', batch: true })
export class LearnFromOrderConfirmedHandler implements IntegrationEventHandler<OrderConfirmed> {
  constructor(private readonly signals: LearnedSignalsRepository) {}

  async handle(event: OrderConfirmed, tx: Transaction): Promise<void> {
    const { orderId, customerId, lines, confirmedAt } = event.payload;
    await this.signals.recordOrder(tx, {
      orderId,
      customerId,
      productIds: lines.map((line) => line.productId),
      confirmedAt,
    });
  }
}
