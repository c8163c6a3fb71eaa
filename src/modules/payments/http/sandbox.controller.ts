import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem } from '../../../platform/http';
import {
  OpenSandboxDisputeUseCase,
  SandboxDisputeView,
} from '../application/sandbox-disputes/open-sandbox-dispute.use-case';
import { OpenSandboxDisputeDto, SandboxDisputeResponse } from './sandbox.dto';

/** The sandbox provider's test tools (admins; absent, so 404, in production unless the sandbox is enabled). */
@ApiTags('payments')
@Controller('payments/sandbox')
export class SandboxController {
  constructor(private readonly openDispute: OpenSandboxDisputeUseCase) {}

  @Post('disputes')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make the sandbox send its signed dispute webhook for a captured charge',
    description:
      "The cardholder disputes the order's captured sandbox charge: the sandbox logs and signs its charge.disputed " +
      'event and sends it to POST /payments/webhooks/sandbox at once. A fraudulent dispute labels the payment.',
  })
  @ApiOkResponse({ type: SandboxDisputeResponse })
  @ApiProblem(404, 'not-found', 'No sandbox in this process, or no sandbox payment for this order')
  @ApiProblem(409, 'charge-not-captured', 'The charge is not captured (nothing to dispute)')
  dispute(@Body() body: OpenSandboxDisputeDto): Promise<SandboxDisputeView> {
    return this.openDispute.execute(body);
  }
}
