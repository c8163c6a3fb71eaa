import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import {
  findIdempotentResponse,
  IdempotentResponse,
  MessageBus,
  once,
  Transaction,
  UnitOfWork,
} from '../../../../platform/messaging';
import { CheckoutCart, GetCartForCheckout } from '../../../cart';
import { OrderPlaced } from '../../contracts';
import { CartAlreadyOrdered, NewOrder, OrderLine, ShippingAddress } from '../../domain/order';
import { OrderBreakdown } from '../../domain/order-breakdown';
import { OrderRepository } from '../../infrastructure/order.repository';
import { CheckoutProcess } from '../checkout/checkout.process';
import { PlacedOrder } from '../view-orders/order-view';
import { commandForStep } from '../checkout/checkout-step-commands';
import { checkCurrentPrices } from './check-current-prices';
import { checkPaymentProvider } from './check-payment-provider';
import { checkPricing } from './check-pricing';
import { checkShipping, OrderShipping } from './check-shipping';

/** A customer's checkout of a cart (`POST /orders`). */
export interface PlaceOrderInput {
  readonly customerId: string;
  readonly idempotencyKey: string;
  readonly cartId: string;
  readonly shippingAddress: ShippingAddress;
  readonly payment: { readonly provider: string; readonly token: string };
  /** The total the customer was shown, minor units of the cart's currency; another priced total is a 409. */
  readonly expectedTotal?: number;
}

/**
 * Turns a customer's cart into a pending order and starts its checkout, in one transaction with
 * the outbox; once per Idempotency-Key (same body → same answer, other body → 422). A cart has at
 * most one live order whatever the key (409 `cart-checked-out`), the order charges the prices the
 * customer accepted (409 `price-changed` otherwise), and only through a provider payments has
 * configured (400 `payment-provider-unavailable`), with the shipping method and price the customer
 * chose, re-quoted (409 `shipping-price-changed`, `shipping-method-required` and the refusals), and
 * with the totals breakdown the cart priced through promotions and tax for the address's country
 * (`checkPricing`: 409 with a refused code's type, 503 `pricing-unavailable`, 409 `total-changed`).
 * An order carrying promotions starts its checkout by redeeming them (ADR 0118); any other by
 * reserving its stock.
 */
@Injectable()
export class PlaceOrderUseCase {
  constructor(
    private readonly bus: MessageBus,
    private readonly uow: UnitOfWork,
    private readonly checkout: CheckoutProcess,
    private readonly orders: OrderRepository,
  ) {}

  async execute(input: PlaceOrderInput): Promise<IdempotentResponse<PlacedOrder>> {
    const key = {
      scope: input.customerId,
      key: input.idempotencyKey,
      request: { ...input, idempotencyKey: undefined },
    };
    const answered = await findIdempotentResponse<PlacedOrder>(this.uow.reader, key);
    if (answered) return answered;

    await checkPaymentProvider(this.bus, input.payment.provider);
    if (await this.orders.hasLiveOrder(input.cartId, input.customerId)) throw cartCheckedOut();
    const country = input.shippingAddress.country;
    const cart = await this.bus.query(new GetCartForCheckout(input.cartId, input.customerId, country));
    if (!cart) throw ProblemException.notFound('Cart');
    if (cart.lines.length === 0) throw ProblemException.conflict('cart-empty', 'The cart is empty.');
    const lines = cart.lines.map((l): OrderLine => ({
      productId: l.productId,
      variantId: l.variantId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: l.acceptedUnitPrice,
    }));
    assertOneCurrency(lines);
    const categories = await checkCurrentPrices(this.bus, lines);
    const shipping = await checkShipping(this.bus, cart, country);
    const breakdown = checkPricing(cart, lines, categories, shipping, country, input.expectedTotal);

    return this.uow.run((tx) =>
      once(tx, key, async () => {
        const orderId = uuidv7();
        await this.place(tx, orderId, input, cart, breakdown, shipping);
        return { status: 202, body: { id: orderId, status: 'pending' as const } };
      }),
    );
  }

  private async place(
    tx: Transaction,
    orderId: string,
    input: PlaceOrderInput,
    cart: CheckoutCart,
    breakdown: OrderBreakdown,
    shipping: OrderShipping | null,
  ): Promise<void> {
    const order: NewOrder = {
      id: orderId,
      customerId: input.customerId,
      cartId: cart.cartId,
      currency: breakdown.currency,
      totalAmount: breakdown.total,
      subtotalAmount: breakdown.subtotal,
      discountAmount: breakdown.discountTotal,
      taxAmount: breakdown.taxTotal,
      taxIncluded: breakdown.taxIncluded,
      taxCountry: breakdown.taxCountry,
      shippingAmount: breakdown.shippingTotal,
      shippingPricing: breakdown.shipping,
      shippingMethod: shipping?.method ?? null,
      promotionCodes: breakdown.promotions.length > 0 ? [...(cart.promotionCodes ?? [])] : [],
      promotions: breakdown.promotions,
      itemCount: breakdown.itemCount,
      shippingAddress: input.shippingAddress,
      paymentProvider: input.payment.provider,
      paymentToken: input.payment.token,
    };
    // Promotions are counted first, before anything is held, so a rejection holds nothing (ADR 0118).
    const promotions = breakdown.promotions.length > 0;
    const saga = {
      orderId,
      state: promotions ? ('redeeming_promotion' as const) : ('reserving_stock' as const),
      promotions,
      stockCommitted: false,
      paymentCaptured: false,
      stepDeadline: this.checkout.deadline(),
    };
    try {
      // The order, its lines, its saga and its first timeline entry: one statement.
      await this.orders.place(tx, order, breakdown, saga);
    } catch (error) {
      if (error instanceof CartAlreadyOrdered) throw cartCheckedOut();
      throw error;
    }
    const lines = breakdown.lines.map((l): OrderLine => ({
      productId: l.productId,
      variantId: l.variantId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    }));
    const total = { amount: breakdown.total, currency: breakdown.currency };
    tx.publish(new OrderPlaced({ orderId, customerId: input.customerId, lines, total }));
    const placed = { ...order, status: 'pending' as const };
    tx.send(commandForStep(promotions ? 'redeem_promotion' : 'reserve_stock', placed, 'placed', breakdown.lines));
  }
}

/**
 * An order is in one currency. A cart line follows its product's price, currency included, so a
 * product repriced in another currency can leave a cart holding two: the customer must remove one.
 */
function assertOneCurrency(lines: readonly OrderLine[]): void {
  const currencies = [...new Set(lines.map((l) => l.unitPrice.currency))].sort();
  if (currencies.length <= 1) return;
  throw new ProblemException({
    status: 409,
    type: 'currency-mismatch',
    detail: `The cart holds lines in ${currencies.join(' and ')}; an order is in one currency, so remove the lines in the others.`,
    extensions: { currencies },
  });
}

function cartCheckedOut(): ProblemException {
  return ProblemException.conflict(
    'cart-checked-out',
    'This cart already has an order; it can be ordered again only if that order is cancelled.',
  );
}
