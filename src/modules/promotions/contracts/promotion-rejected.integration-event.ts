import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';
import { PromotionRefusalView } from './evaluate-promotions.query';

export interface PromotionRejectedPayload {
  readonly orderId: string;
  readonly customerId: string;
  /** The first promotion that could not be redeemed, and why (checkout cancels with `promotion_unavailable`). */
  readonly refusal: PromotionRefusalView;
  readonly rejectedAt: string;
}

/** An order's promotions could not be redeemed; nothing was counted. */
@IntegrationEventContract(
  'promotions.PromotionRejected.v1',
  () =>
    new PromotionRejected({
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      refusal: {
        type: 'promotion-exhausted',
        code: 'WELCOME10',
        promotionId: '0190a000-0000-7000-8000-000000000005',
        detail: 'Code WELCOME10 has been used as often as it may be.',
        limit: 'total',
        maxRedemptions: 100,
      },
      rejectedAt: '2026-01-01T00:00:00.000Z',
    }),
  { key: (e) => e.payload.orderId },
)
export class PromotionRejected extends IntegrationEvent<PromotionRejectedPayload> {}
