import { Command } from '../../../../platform/messaging';
import { ClearCart } from '../../../cart';
import { CommitStock, ReleaseStock, RestockOrder } from '../../../catalog';
import { AuthorizePayment, CapturePayment, RefundPayment, VoidPayment } from '../../../payments';
import { CheckoutStep } from '../../domain/checkout-saga';
import { Order, OrderLine } from '../../domain/order';

/**
 * The message that carries out one checkout step (or compensation) for an order. `lines` are the
 * order's lines, needed to authorize (payments' fraud signals read the basket and the address).
 */
export function commandForStep(
  step: CheckoutStep,
  order: Order,
  reason: string,
  lines: readonly OrderLine[] = [],
): Command<unknown> {
  switch (step) {
    case 'authorize_payment': {
      const address = order.shippingAddress;
      return new AuthorizePayment(
        order.id,
        order.customerId,
        { amount: order.totalAmount, currency: order.currency },
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
