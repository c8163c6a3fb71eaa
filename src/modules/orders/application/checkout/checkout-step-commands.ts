import { Command } from '../../../../platform/messaging';
import { ClearCart } from '../../../cart';
import { CommitStock, ReleaseStock, ReserveStock, RestockOrder } from '../../../catalog';
import { AuthorizePayment, CapturePayment, RefundPayment, VoidPayment } from '../../../payments';
import { RedeemPromotion, ReleasePromotionRedemption } from '../../../promotions';
import { CheckoutStep } from '../../domain/checkout-saga';
import { Order } from '../../domain/order';
import { PricedOrderLine } from '../../domain/order-breakdown';

/** What of an order its steps' messages carry. */
export type StepOrder = Pick<
  Order,
  | 'id'
  | 'customerId'
  | 'cartId'
  | 'currency'
  | 'totalAmount'
  | 'discountAmount'
  | 'shippingAmount'
  | 'shippingPricing'
  | 'shippingAddress'
  | 'paymentProvider'
  | 'paymentToken'
  | 'promotionCodes'
  | 'promotions'
>;

/**
 * The message that carries out one checkout step (or compensation) for an order. `lines` are the
 * order's lines, needed to redeem its promotions (promotions re-evaluates the basket), reserve its
 * stock and authorize (payments' fraud signals read the basket and the address).
 */
export function commandForStep(
  step: CheckoutStep,
  order: StepOrder,
  reason: string,
  lines: readonly PricedOrderLine[] = [],
): Command<unknown> {
  const money = (amount: number) => ({ amount, currency: order.currency });
  switch (step) {
    case 'redeem_promotion':
      // The basket as the customer accepted it; `expected` makes promotions refuse any other discount.
      return new RedeemPromotion(
        order.id,
        order.promotionCodes,
        {
          currency: order.currency,
          lines: lines.map((line) => ({
            lineId: line.variantId,
            productId: line.productId,
            categoryIds: line.categoryIds,
            unitPrice: line.unitPrice,
            quantity: line.quantity,
          })),
          shippingTotal: order.shippingPricing ? money(order.shippingAmount) : null,
          customer: { customerId: order.customerId, previousOrders: null },
        },
        { promotionIds: order.promotions.map((p) => p.promotionId), discountTotal: money(order.discountAmount) },
      );
    case 'reserve_stock':
      return new ReserveStock(
        order.id,
        lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice })),
      );
    case 'release_promotion':
      return new ReleasePromotionRedemption(order.id, reason);
    case 'authorize_payment': {
      const address = order.shippingAddress;
      return new AuthorizePayment(
        order.id,
        order.customerId,
        money(order.totalAmount),
        order.paymentProvider,
        order.paymentToken,
        address.country,
        {
          shippingAddress: {
            line1: address.line1,
            line2: address.line2 ?? null,
            city: address.city,
            postalCode: address.postalCode,
            country: address.country,
          },
          lines: lines.map((line) => ({
            productId: line.productId,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
          })),
        },
      );
    }
    case 'commit_stock':
      return new CommitStock(order.id);
    case 'capture_payment':
      return new CapturePayment(order.id);
    case 'clear_cart':
      return new ClearCart(order.cartId, order.id);
    case 'refund_payment':
      return new RefundPayment(order.id, null, reason);
    case 'void_payment':
      return new VoidPayment(order.id, reason);
    case 'restock':
      return new RestockOrder(order.id, reason);
    case 'release_stock':
      return new ReleaseStock(order.id, reason);
  }
}
