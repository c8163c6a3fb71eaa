import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';
import { AppliedPromotionView, LineDiscountView } from './evaluate-promotions.query';

export interface PromotionRedeemedPayload {
  readonly orderId: string;
  readonly customerId: string;
  /** Every promotion counted for the order, with what it took. */
  readonly promotions: readonly AppliedPromotionView[];
  /** The discount per line (what the order records per line and refunds from). */
  readonly lines: readonly LineDiscountView[];
  readonly shippingDiscount: Money;
  readonly discountTotal: Money;
  readonly redeemedAt: string;
}

/** An order's promotions were counted: its discounts are its own. */
@IntegrationEventContract(
  'promotions.PromotionRedeemed.v1',
  () =>
    new PromotionRedeemed({
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      promotions: [
        {
          promotionId: '0190a000-0000-7000-8000-000000000005',
          code: 'WELCOME10',
          benefit: 'percentage',
          combinable: false,
          amount: { amount: 499, currency: 'EUR' },
        },
      ],
      lines: [
        {
          lineId: 'line-1',
          discount: { amount: 499, currency: 'EUR' },
          byPromotion: [
            { promotionId: '0190a000-0000-7000-8000-000000000005', amount: { amount: 499, currency: 'EUR' } },
          ],
        },
      ],
      shippingDiscount: { amount: 0, currency: 'EUR' },
      discountTotal: { amount: 499, currency: 'EUR' },
      redeemedAt: '2026-01-01T00:00:00.000Z',
    }),
  { key: (e) => e.payload.orderId },
)
export class PromotionRedeemed extends IntegrationEvent<PromotionRedeemedPayload> {}
