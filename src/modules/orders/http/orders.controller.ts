import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import {
  ApiProblem,
  IdParam,
  optionalIdempotencyKey,
  Page,
  PageOf,
  requireIdempotencyKey,
} from '../../../platform/http';
import { CancelOrderUseCase } from '../application/cancel-order/cancel-order.use-case';
import { PlaceOrderUseCase } from '../application/place-order/place-order.use-case';
import { ShipOrderUseCase } from '../application/ship-order/ship-order.use-case';
import { GetOrderUseCase } from '../application/view-orders/get-order.use-case';
import { ListOrdersUseCase } from '../application/view-orders/list-orders.use-case';
import { OrderView, PlacedOrder } from '../application/view-orders/order-view';
import { ListOrdersQueryDto } from './list-orders.query.dto';
import { OrderResponse, PlacedOrderResponse } from './orders.response';
import { PlaceOrderDto } from './place-order.dto';
import { ShipOrderDto } from './ship-order.dto';

const ORDER_PAGE = PageOf(OrderResponse);

/** Checkout, the orders of a customer (all of them for an admin), cancellation and shipping. */
@ApiTags('orders')
@Authenticated()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrderUseCase,
    private readonly cancelOrder: CancelOrderUseCase,
    private readonly shipOrder: ShipOrderUseCase,
    private readonly getOrder: GetOrderUseCase,
    private readonly listOrders: ListOrdersUseCase,
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
    });
    void reply.status(status).header('location', `/orders/${placed.id}`);
    return placed;
  }

  @Get()
  @ApiOkResponse({ type: ORDER_PAGE, description: "Newest first; a customer's own orders, or any for an admin" })
  list(@Query() query: ListOrdersQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<OrderView>> {
    return this.listOrders.execute({ ...query, limit: query.limit ?? 20, caller: user });
  }

  @Get(':id')
  @ApiOkResponse({ type: OrderResponse })
  get(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser): Promise<OrderView> {
    return this.getOrder.execute({ orderId: id, caller: user });
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
  @ApiProblem(409, 'order-not-cancellable', 'The order is past the point where the caller may cancel it')
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

  @Post(':id/ship')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblem(409, 'order-not-shippable', 'Only a confirmed order can be shipped')
  ship(@IdParam() id: string, @Body() body: ShipOrderDto, @CurrentUser() user: AuthenticatedUser): Promise<OrderView> {
    return this.shipOrder.execute({
      orderId: id,
      shipment: { carrier: body.carrier, trackingNumber: body.trackingNumber },
      admin: user,
    });
  }
}
