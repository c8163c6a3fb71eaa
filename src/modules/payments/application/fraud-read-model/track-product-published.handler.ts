import { ProductPublished } from '../../../catalog';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { FraudReadModelRepository } from '../../infrastructure/fraud-read-model.repository';

/**
 * A published product's categories: with `FRAUD_RESELLABLE_CATEGORIES`, the fraud signals' share
 * of resellable high-value goods in a basket.
 */
@OnIntegrationEvent(ProductPublished, { module: 'payments', name: 'payments.TrackProductPublished' })
export class TrackProductPublishedHandler implements IntegrationEventHandler<ProductPublished> {
  constructor(private readonly readModel: FraudReadModelRepository) {}

  async handle(event: ProductPublished, tx: Transaction): Promise<void> {
    await this.readModel.recordProduct(tx, event.payload.productId, event.payload.categoryIds);
  }
}
