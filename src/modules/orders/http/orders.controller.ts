import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { IdParam, Page } from '../../../platform/http';
import { optionalIdempotencyKey, requireIdempotencyKey } from '../../../platform/messaging';
import { CancelOrderHandler } from '../application/cancel-order/cancel-order.handler';
import { PlacedOrder, PlaceOrderHandler } from '../application/place-order/place-order.handler';
import { ShipOrderHandler } from '../application/ship-order/ship-order.handler';
import { OrderReader } from '../application/view-orders/order-reader';
import { OrderView } from '../application/view-orders/order-view';
import { ListOrdersQueryDto } from './list-orders.query.dto';
import { PlaceOrderDto } from './place-order.dto';
import { ShipOrderDto } from './ship-order.dto';

@ApiTags('orders')
@ApiBearerAuth()
@Authenticated()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrderHandler,
    private readonly cancelOrder: CancelOrderHandler,
    private readonly shipOrder: ShipOrderHandler,
    private readonly reader: OrderReader,
  ) {}

  /** Checks out a cart: answers 202 with the pending order; the checkout goes on asynchronously. */
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiAcceptedResponse()
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
  list(@Query() query: ListOrdersQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<OrderView>> {
    return this.reader.list(user, { ...query, limit: query.limit ?? 20 });
  }

  @Get(':id')
  get(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser): Promise<OrderView> {
    return this.reader.get(id, user);
  }

  /** Cancels an order; its payment is voided or refunded and its stock given back (see the timeline). */
  @Post(':id/cancel')
  @HttpCode(202)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key gets the first answer; the same key with another request is a 422.',
  })
  @ApiAcceptedResponse({ type: OrderView })
  cancel(
    @IdParam() id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderView> {
    return this.cancelOrder.execute(id, user, optionalIdempotencyKey(idempotencyKey));
  }

  @Post(':id/ship')
  @Roles('admin')
  @HttpCode(200)
  ship(@IdParam() id: string, @Body() body: ShipOrderDto, @CurrentUser() user: AuthenticatedUser): Promise<OrderView> {
    return this.shipOrder.execute(id, body, user);
  }
}
