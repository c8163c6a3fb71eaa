import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import {
  findIdempotentResponse,
  IdempotentResponse,
  MessageBus,
  once,
  UnitOfWork,
} from '../../../../platform/messaging';
import { CheckoutCart, GetCartForCheckout } from '../../../cart';
import { ReserveStock } from '../../../catalog';
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

/**
 * Turns a customer's cart into a pending order and starts its checkout, in one transaction with
 * the outbox; once per Idempotency-Key (same body → same answer, other body → 422).
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

    const cart = await this.bus.query(new GetCartForCheckout(input.cartId, input.customerId));
    if (!cart) throw ProblemException.notFound('Cart');
    if (cart.lines.length === 0) throw ProblemException.conflict('cart-empty', 'The cart is empty.');
    await checkCurrentPrices(this.bus, cart);

    return this.uow.run((tx) =>
      once(tx, key, async () => {
        const orderId = uuidv7();
        const lines = cart.lines.map((l): OrderLine => ({ ...l }));
        const totals = totalsOf(lines, cart.subtotal.currency);
        await tx.manager.insert(
          OrderEntity,
          this.newOrder(orderId, input, cart, totals.total.amount, totals.itemCount),
        );
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
            lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
          ),
        );
        return { status: 202, body: { id: orderId, status: 'pending' as const } };
      }),
    );
  }

  private newOrder(
    id: string,
    input: PlaceOrderInput,
    cart: CheckoutCart,
    total: number,
    itemCount: number,
  ): Partial<OrderEntity> {
    return {
      id,
      customerId: input.customerId,
      cartId: cart.cartId,
      status: 'pending',
      currency: cart.subtotal.currency,
      totalAmount: total,
      itemCount,
      shippingAddress: input.shippingAddress,
      paymentProvider: input.payment.provider,
      paymentToken: input.payment.token,
    };
  }
}
