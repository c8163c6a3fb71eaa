import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, Page } from '../../../platform/http';
import { DeliverShipmentUseCase } from '../application/ship-parcels/deliver-shipment.use-case';
import { DispatchShipmentUseCase } from '../application/ship-parcels/dispatch-shipment.use-case';
import { PackShipmentUseCase } from '../application/ship-parcels/pack-shipment.use-case';
import { SplitShipmentUseCase } from '../application/ship-parcels/split-shipment.use-case';
import { ListShipmentsUseCase } from '../application/view-shipments/list-shipments.use-case';
import { ViewShipmentUseCase } from '../application/view-shipments/view-shipment.use-case';
import { DispatchShipmentDto, ListShipmentsDto, SplitShipmentDto } from './shipment.dto';
import { ShipmentPage, ShipmentResponse, toShipmentResponse } from './shipment.response';

const ILLEGAL_MOVE = 'The shipment cannot make this move from its status (e.g. packing it twice)';

/** Admin and warehouse: the queue of shipments and their moves (pending → packed → dispatched → delivered). */
@ApiTags('shipping')
@Controller('shipping/shipments')
@Roles('admin')
export class ShipmentsController {
  constructor(
    private readonly listShipments: ListShipmentsUseCase,
    private readonly viewShipment: ViewShipmentUseCase,
    private readonly splitShipment: SplitShipmentUseCase,
    private readonly packShipment: PackShipmentUseCase,
    private readonly dispatchShipment: DispatchShipmentUseCase,
    private readonly deliverShipment: DeliverShipmentUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The queue: shipments by status (e.g. pending, to pack), oldest first' })
  @ApiOkResponse({ type: ShipmentPage })
  async list(@Query() query: ListShipmentsDto): Promise<Page<ShipmentResponse>> {
    const page = await this.listShipments.execute({
      status: query.status,
      orderId: query.orderId?.toLowerCase(),
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map(toShipmentResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: ShipmentResponse })
  async view(@IdParam() id: string): Promise<ShipmentResponse> {
    return toShipmentResponse(await this.viewShipment.execute({ id }));
  }

  @Post(':id/split')
  @HttpCode(200)
  @ApiOperation({
    summary: "Move some units of a pending shipment into a new one (the order's units are never created or lost)",
  })
  @ApiOkResponse({ type: [ShipmentResponse], description: 'The remaining shipment, then the new one' })
  @ApiProblem(409, 'shipment-not-splittable', 'Only a pending shipment can be split')
  async split(@IdParam() id: string, @Body() body: SplitShipmentDto): Promise<ShipmentResponse[]> {
    const lines = body.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));
    return (await this.splitShipment.execute({ id, lines })).map(toShipmentResponse);
  }

  @Post(':id/pack')
  @HttpCode(200)
  @ApiOkResponse({ type: ShipmentResponse })
  @ApiProblem(409, 'illegal-shipment-transition', ILLEGAL_MOVE)
  async pack(@IdParam() id: string): Promise<ShipmentResponse> {
    return toShipmentResponse(await this.packShipment.execute({ id }));
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A packed shipment leaves with a carrier and a tracking number (the sandbox carrier issues one)',
  })
  @ApiOkResponse({ type: ShipmentResponse })
  @ApiProblem(409, 'illegal-shipment-transition', ILLEGAL_MOVE)
  @ApiProblem(409, 'tracking-number-taken', 'Another parcel of the carrier has this tracking number')
  async dispatch(@IdParam() id: string, @Body() body: DispatchShipmentDto): Promise<ShipmentResponse> {
    return toShipmentResponse(
      await this.dispatchShipment.execute({ id, carrier: body.carrier, trackingNumber: body.trackingNumber }),
    );
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that a dispatched parcel was delivered (for carriers without webhooks)' })
  @ApiOkResponse({ type: ShipmentResponse })
  @ApiProblem(409, 'illegal-shipment-transition', ILLEGAL_MOVE)
  async deliver(@IdParam() id: string): Promise<ShipmentResponse> {
    return toShipmentResponse(await this.deliverShipment.execute({ id }));
  }
}
