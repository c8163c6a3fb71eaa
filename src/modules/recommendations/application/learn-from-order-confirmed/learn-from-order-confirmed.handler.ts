import { Inject } from '@nestjs/common';
import { OrderConfirmed } from '../../../orders';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { LearnedSignalsRepository } from '../../infrastructure/learned-signals.repository';
import { RECOMMENDATIONS_CONFIG, RecommendationsConfig } from '../../recommendations.config';

/** A confirmed order is a basket bought together and part of its customer's history. */
@OnIntegrationEvent(OrderConfirmed, { module: 'recommendations', name: 'LearnFromOrderConfirmed' })
export class LearnFromOrderConfirmed implements IntegrationEventHandler<OrderConfirmed> {
  constructor(@Inject(RECOMMENDATIONS_CONFIG) private readonly config: RecommendationsConfig) {}

  async handle(event: OrderConfirmed, tx: Transaction): Promise<void> {
    const { orderId, customerId, lines, confirmedAt } = event.payload;
    await new LearnedSignalsRepository(tx.manager, this.config).recordOrder({
      orderId,
      customerId,
      productIds: lines.map((line) => line.productId),
      confirmedAt,
    });
  }
}
