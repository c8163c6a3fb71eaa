import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiExcludeEndpoint,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import {
  ApiProblem,
  IdParam,
  optionalIdempotencyKey,
  Page,
  PageOf,
  ProblemException,
  requireIdempotencyKey,
} from '../../../platform/http';
import { CancelOrderUseCase } from '../application/cancel-order/cancel-order.use-case';
import { PlaceOrderUseCase } from '../application/place-order/place-order.use-case';
import { OrderRefundView, RefundOrderLinesUseCase } from '../application/refunds/refund-order-lines.use-case';
import { GetOrderUseCase } from '../application/view-orders/get-order.use-case';
import { ListOrdersUseCase } from '../application/view-orders/list-orders.use-case';
import { CheckoutSagaView } from '../application/saga-timeline/checkout-saga-view';
import { GetCheckoutSagaUseCase } from '../application/saga-timeline/get-checkout-saga.use-case';
import { CheckoutSagaResponse } from './checkout-saga.response';
import { GetOrderStatsUseCase, OrderStatsView } from '../application/order-stats/get-order-stats.use-case';
import { OrderStatsQueryDto } from './order-stats.query.dto';
import { OrderStatsResponse } from './order-stats.response';
import { OrderView, PlacedOrder } from '../application/view-orders/order-view';
import { ListOrdersQueryDto } from './list-orders.query.dto';
import { OrderRefundResponse, OrderResponse, PlacedOrderResponse } from './orders.response';
import { PlaceOrderDto } from './place-order.dto';
import { RefundOrderLinesDto } from './refund-order-lines.dto';

const ORDER_PAGE = PageOf(OrderResponse);

/** Checkout, the orders of a customer (all of them for an admin) and cancellation. */
@ApiTags('orders')
@Authenticated()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrderUseCase,
    private readonly cancelOrder: CancelOrderUseCase,
    private readonly getOrder: GetOrderUseCase,
    private readonly listOrders: ListOrdersUseCase,
    private readonly refundOrderLines: RefundOrderLinesUseCase,
    private readonly checkoutSaga: GetCheckoutSagaUseCase,
    private readonly orderStats: GetOrderStatsUseCase,
  ) {}

  /** Checks out a cart: answers 202 with the pending order; the checkout goes on asynchronously. */
  @Post()
  @ApiOperation({
    summary: "Check out the caller's cart",
    description:
      'Answers 202 with the pending order and its Location; stock, payment and confirmation follow ' +
      'asynchronously (poll GET /orders/{id}). The same Idempotency-Key and body answer the same order.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '1–255 of A–Z a–z 0–9 . _ : -' })
  @ApiAcceptedResponse({ type: PlacedOrderResponse, headers: { Location: { description: '/orders/{id}' } } })
  @ApiProblem(404, 'not-found', 'No such cart, or not yours')
  @ApiProblem(400, 'payment-provider-unavailable', 'The payment provider is not configured (or the sandbox is off)')
  @ApiProblem(409, 'cart-checked-out', 'The cart already has an order that is not cancelled')
  @ApiProblem(409, 'cart-empty', 'The cart has no lines')
  @ApiProblem(409, 'price-changed', 'A price changed since the cart was priced; review the cart')
  @ApiProblem(409, 'currency-mismatch', 'The cart holds lines in more than one currency (a product was repriced)')
  @ApiProblem(409, 'product-unavailable', 'A product in the cart can no longer be bought')
  @ApiProblem(409, 'idempotency-key-in-use', 'A request with this Idempotency-Key is still being processed')
  @ApiProblem(
    409,
    'promotion-expired',
    "A code the cart holds no longer applies; the type is the refusal's (promotion-unknown, -disabled, " +
      '-not-started, -expired, -exhausted, -ineligible, -not-combinable), with `code` and `refusals`',
  )
  @ApiProblem(409, 'total-changed', 'The priced total differs from `expectedTotal` (both in the problem)')
  @ApiProblem(409, 'total-zero', 'The order would total 0 (a 100 % code with free or no shipping)')
  @ApiProblem(503, 'pricing-unavailable', 'The cart could not be priced (promotions or tax unreachable); retry later')
  async place(
    @Body() body: PlaceOrderDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlacedOrder> {
    const key = requireIdempotencyKey(idempotencyKey);
    const { status, body: placed } = await this.placeOrder.execute({
      customerId: user.id,
      idempotencyKey: key,
      cartId: body.cartId,
      shippingAddress: { ...body.shippingAddress, line2: body.shippingAddress.line2 ?? null },
      payment: body.payment,
      ...(body.expectedTotal === undefined ? {} : { expectedTotal: body.expectedTotal }),
    });
    void reply.status(status).header('location', `/orders/${placed.id}`);
    return placed;
  }

  @Get()
  @ApiOkResponse({
    type: ORDER_PAGE,
    description:
      "Newest first; a customer's own orders, or any for an admin; filtered by status, customer and when placed",
  })
  list(@Query() query: ListOrdersQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<OrderView>> {
    const { placedFrom, placedTo, ...rest } = query;
    return this.listOrders.execute({
      ...rest,
      ...(placedFrom ? { placedFrom: new Date(placedFrom) } : {}),
      ...(placedTo ? { placedTo: new Date(placedTo) } : {}),
      limit: query.limit ?? 20,
      caller: user,
    });
  }

  /** Orders placed, confirmed and cancelled since an instant, revenue per currency, checkouts in flight (admins). */
  @Get('stats')
  @Roles('admin')
  @ApiOperation({ summary: 'Order counts and revenue since an instant, checkouts in flight (admin)' })
  @ApiOkResponse({ type: OrderStatsResponse })
  stats(@Query() query: OrderStatsQueryDto): Promise<OrderStatsView> {
    const since = query.since ? new Date(query.since) : new Date(new Date().toISOString().slice(0, 10));
    return this.orderStats.execute({ since });
  }

  @Get(':id')
  @ApiOkResponse({ type: OrderResponse })
  get(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser): Promise<OrderView> {
    return this.getOrder.execute({ orderId: id, caller: user });
  }

  /**
   * The order's checkout saga as a timeline (admins): each step's command and its delivery (id,
   * times, attempts, last error), the reply that caused it and the reply to it, compensations, and
   * why the order was cancelled. 404 for an unknown order.
   */
  @Get(':id/saga')
  @Roles('admin')
  @ApiOperation({ summary: "An order's checkout saga timeline (admin)" })
  @ApiOkResponse({ type: CheckoutSagaResponse })
  saga(@IdParam() id: string): Promise<CheckoutSagaView> {
    return this.checkoutSaga.execute({ orderId: id });
  }

  /** Cancels an order; its payment is voided or refunded and its stock given back (see the timeline). */
  @Post(':id/cancel')
  @HttpCode(202)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key gets the first answer; the same key with another request is a 422.',
  })
  @ApiAcceptedResponse({ type: OrderResponse, description: 'Cancellation requested; stock and payment follow' })
  @ApiProblem(409, 'order-not-cancellable', 'The order is past the point where it may be cancelled')
  @ApiProblem(
    409,
    'order-already-dispatched',
    'A parcel of the order left the warehouse (shipping refused); nothing changed',
  )
  @ApiProblem(503, 'cancellation-pending', 'Shipping did not answer; the cancellation is recorded and settled later')
  cancel(
    @IdParam() id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderView> {
    return this.cancelOrder.execute({
      orderId: id,
      caller: user,
      idempotencyKey: optionalIdempotencyKey(idempotencyKey),
    });
  }

  /**
   * Refunds units of an order's lines at what they paid: their share of the line after its discount,
   * tax included (ADR 0107 §9); payments refunds the sum. An order refunded in full gives its
   * promotions back.
   */
  @Post(':id/refunds')
  @Roles('admin')
  @HttpCode(202)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key gets the first answer',
  })
  @ApiAcceptedResponse({ type: OrderRefundResponse, description: 'Refund requested; payments refunds the total' })
  @ApiProblem(409, 'order-not-refundable', "The order's payment is not captured, or the order is cancelled")
  @ApiProblem(409, 'refund-exceeds-quantity', 'More units than the line has left to refund')
  @ApiProblem(409, 'order-line-unknown', 'The order has no such line')
  refund(
    @IdParam() id: string,
    @Body() body: RefundOrderLinesDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderRefundView> {
    return this.refundOrderLines.execute({
      orderId: id,
      caller: user,
      lines: body.lines,
      reason: body.reason ?? 'refund',
      idempotencyKey: optionalIdempotencyKey(idempotencyKey),
    });
  }

  /**
   * Gone with issue 18 (ADR 0113): the warehouse packs and dispatches an order's shipments through
   * shipping (`/shipping/shipments`), whose events move the order to shipped. Answers 410 to the
   * admins who used it, so old clients learn where it went; left out of the OpenAPI document.
   */
  @Post(':id/ship')
  @Roles('admin')
  @ApiExcludeEndpoint()
  ship(@IdParam() id: string): never {
    throw new ProblemException({
      status: 410,
      type: 'order-shipping-moved',
      title: 'Gone',
      detail:
        `Orders are shipped through shipping now: GET /shipping/shipments?orderId=${id}, then pack and ` +
        'dispatch each shipment; the order becomes partially shipped, shipped and delivered from its events.',
      extensions: { shipments: `/shipping/shipments?orderId=${id}` },
    });
  }
}
