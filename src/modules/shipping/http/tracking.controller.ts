import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser } from '../../../platform/auth';
import { IdParam } from '../../../platform/http';
import { TrackOrderUseCase } from '../application/view-shipments/track-order.use-case';
import { ShipmentResponse, toShipmentResponse } from './shipment.response';

/** Customers: where their order's parcels are. */
@ApiTags('shipping')
@Controller('shipping/orders')
export class TrackingController {
  constructor(private readonly trackOrder: TrackOrderUseCase) {}

  @Get(':orderId/shipments')
  @Authenticated()
  @ApiOperation({ summary: "An order's shipments (its customer's, or any order's for an admin; others get a 404)" })
  @ApiOkResponse({ type: [ShipmentResponse] })
  async shipments(
    @IdParam('orderId') orderId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ShipmentResponse[]> {
    const shipments = await this.trackOrder.execute({
      orderId,
      callerId: user.id,
      admin: user.roles.includes('admin'),
    });
    return shipments.map(toShipmentResponse);
  }
}
