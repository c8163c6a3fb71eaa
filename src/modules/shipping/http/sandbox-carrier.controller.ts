import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem } from '../../../platform/http';
import { CarrierWebhookEvent } from '../application/carriers/carrier-provider';
import { SimulateCarrierEventUseCase } from '../application/sandbox-carrier/simulate-carrier-event.use-case';
import { SimulateCarrierEventDto } from './shipment.dto';
import { CarrierEventResponse } from './shipment.response';

/** Admin, sandbox only: make the test carrier report a scan of one of its parcels. */
@ApiTags('shipping')
@Controller('shipping/sandbox/parcels')
@Roles('admin')
export class SandboxCarrierController {
  constructor(private readonly simulateEvent: SimulateCarrierEventUseCase) {}

  @Post(':trackingNumber/events')
  @ApiOperation({
    summary: 'The sandbox carrier reports a scan (in transit, exception, delivered)',
    description: 'Its signed webhook is posted to /shipping/webhooks/sandbox like a real carrier’s.',
  })
  @ApiCreatedResponse({ type: CarrierEventResponse })
  @ApiProblem(404, 'not-found', 'The sandbox is off, or the parcel is not its')
  simulate(
    @Param('trackingNumber') trackingNumber: string,
    @Body() body: SimulateCarrierEventDto,
  ): Promise<CarrierWebhookEvent> {
    return this.simulateEvent.execute({ trackingNumber, status: body.status, description: body.description });
  }
}
