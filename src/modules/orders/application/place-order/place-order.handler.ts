import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import {
  findIdempotentResponse,
  IdempotentResponse,
  MessageBus,
  ModuleUnreachableError,
  once,
  Transaction,
  UnitOfWork,
} from '../../../../platform/messaging';
import { CheckoutCart, GetCartForCheckout } from '../../../cart';
import { ReserveStock } from '../../../catalog';
import { GetPaymentProviders } from '../../../payments';
import { OrderPlaced } from '../../contracts';
import { OrderLine, totalsOf } from '../../domain/order';
import { CheckoutSagaEntity } from '../../infrastructure/checkout-saga.orm-entity';
import { OrderLineEntity } from '../../infrastructure/order-line.orm-entity';
import { OrderEntity, ShippingAddressColumn } from '../../infrastructure/order.orm-entity';
import { recordOnTimeline } from '../../infrastructure/order-timeline';
import { CheckoutProcess } from '../checkout/checkout-process';
import { checkCurrentPrices } from './check-current-prices';

export interface PlaceOrderInput {
  readonly customerId: string;
  readonly idempotencyKey: string;
  readonly cartId: string;
  readonly shippingAddress: ShippingAddressColumn;
  readonly payment: { readonly provider: string; readonly token: string };
}

export interface PlacedOrder {
  readonly id: string;
  readonly status: 'pending';
}

/** The partial unique index that lets a cart have one order that is not cancelled. */
const LIVE_ORDER_OF_CART = 'orders_live_cart_uq';

/**
 * Turns a customer's cart into a pending order and starts its checkout, in one transaction with
 * the outbox; once per Idempotency-Key (same body → same answer, other body → 422). A cart has at
 * most one live order whatever the key (409 `cart-checked-out`), the order charges the prices the
 * customer accepted (409 `price-changed` otherwise), and only through a provider payments has
 * configured (400 `payment-provider-unavailable`).
 */
@Injectable()
export class PlaceOrderHandler {
  constructor(
    private readonly bus: MessageBus,
    private readonly uow: UnitOfWork,
    private readonly checkout: CheckoutProcess,
    @InjectDataSource('orders') private readonly dataSource: DataSource,
  ) {}

  async execute(input: PlaceOrderInput): Promise<IdempotentResponse<PlacedOrder>> {
    const key = {
      scope: input.customerId,
      key: input.idempotencyKey,
      request: { ...input, idempotencyKey: undefined },
    };
    const answered = await findIdempotentResponse<PlacedOrder>(this.dataSource, key);
    if (answered) return answered;

    await this.assertProviderAvailable(input.payment.provider);
    if (await this.hasLiveOrder(input.cartId, input.customerId)) throw cartCheckedOut();
    const cart = await this.bus.query(new GetCartForCheckout(input.cartId, input.customerId));
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
    await checkCurrentPrices(this.bus, lines);

    return this.uow.run((tx) =>
      once(tx, key, async () => {
        const orderId = uuidv7();
        await this.insertOrder(tx, orderId, input, cart, lines);
        return { status: 202, body: { id: orderId, status: 'pending' as const } };
      }),
    );
  }

  /**
   * Payments is asked (it may run in another process): an order for a provider it does not have is
   * refused now. If payments cannot be reached, the order is taken as before: the saga waits for
   * payments and cancels the order at its step deadline, so a brief outage does not stop checkout.
   */
  private async assertProviderAvailable(provider: string): Promise<void> {
    let providers: readonly string[];
    try {
      ({ providers } = await this.bus.query(new GetPaymentProviders()));
    } catch (error) {
      if (error instanceof ModuleUnreachableError) return;
      throw error;
    }
    if (providers.includes(provider)) return;
    throw new ProblemException({
      status: 400,
      type: 'payment-provider-unavailable',
      detail: `The payment provider "${provider}" is not available here.`,
      extensions: { available: providers },
    });
  }

  /** Whether the customer's cart already has an order that is not cancelled (fast path of the index). */
  private async hasLiveOrder(cartId: string, customerId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM orders WHERE cart_id = $1 AND customer_id = $2 AND status <> 'cancelled'`,
      [cartId, customerId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async insertOrder(
    tx: Transaction,
    orderId: string,
    input: PlaceOrderInput,
    cart: CheckoutCart,
    lines: readonly OrderLine[],
  ): Promise<void> {
    const totals = totalsOf(lines, cart.subtotal.currency);
    try {
      await tx.manager.insert(OrderEntity, {
        id: orderId,
        customerId: input.customerId,
        cartId: cart.cartId,
        status: 'pending',
        currency: totals.total.currency,
        totalAmount: totals.total.amount,
        itemCount: totals.itemCount,
        shippingAddress: input.shippingAddress,
        paymentProvider: input.payment.provider,
        paymentToken: input.payment.token,
      });
    } catch (error) {
      // Another order claimed the cart meanwhile (a second tab, a double click): it waited for it.
      if (isViolationOf(error, LIVE_ORDER_OF_CART)) throw cartCheckedOut();
      throw error;
    }
    await tx.manager.insert(
      OrderLineEntity,
      lines.map((l, i) => ({
        orderId,
        lineNo: i + 1,
        ...l,
        unitPrice: l.unitPrice.amount,
        currency: l.unitPrice.currency,
      })),
    );
    await tx.manager.insert(CheckoutSagaEntity, {
      orderId,
      state: 'reserving_stock',
      stepDeadline: this.checkout.deadline(),
    });
    await recordOnTimeline(tx.manager, orderId, 'pending');
    tx.publish(new OrderPlaced({ orderId, customerId: input.customerId, lines, total: totals.total }));
    tx.send(
      new ReserveStock(
        orderId,
        lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice })),
      ),
    );
  }
}

function cartCheckedOut(): ProblemException {
  return ProblemException.conflict(
    'cart-checked-out',
    'This cart already has an order; it can be ordered again only if that order is cancelled.',
  );
}

function isViolationOf(error: unknown, constraint: string): boolean {
  const e = error as { driverError?: { code?: string; constraint?: string } };
  return e.driverError?.code === '23505' && e.driverError.constraint === constraint;
}
