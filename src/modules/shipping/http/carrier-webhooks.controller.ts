import { Controller, HttpCode, Param, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblem } from '../../../platform/http';
import {
  ReceiveTrackingWebhookUseCase,
  TrackingReceipt,
} from '../application/receive-tracking/receive-tracking-webhook.use-case';
import { CarrierWebhookEventDto } from './shipment.dto';
import { TrackingReceiptResponse } from './shipment.response';

/** Carriers' signed tracking callbacks; the signature is checked over the raw bytes, before anything else. */
@ApiTags('shipping')
@Controller('shipping/webhooks')
export class CarrierWebhooksController {
  constructor(private readonly receiveWebhook: ReceiveTrackingWebhookUseCase) {}

  @Post(':provider')
  @HttpCode(200)
  @ApiOperation({
    summary: "A carrier's signed tracking event",
    description:
      'Called by the carrier, not by clients. The signature (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`) ' +
      'is checked over the raw body and its timestamp must be within SHIPPING_WEBHOOK_TOLERANCE_SECONDS; an event ' +
      'id seen before is acknowledged as a duplicate and changes nothing; an older event than the newest applied ' +
      'changes nothing; a delivery is final.',
  })
  @ApiParam({ name: 'provider', enum: ['sandbox'] })
  @ApiHeader({ name: 'Sandbox-Signature', required: false, description: 'The sandbox carrier’s signature' })
  @ApiBody({ type: CarrierWebhookEventDto })
  @ApiOkResponse({ type: TrackingReceiptResponse, description: 'Received (applied, ignored or a duplicate)' })
  @ApiProblem(400, 'invalid-webhook', 'The signature is missing, wrong or stale, or the event is not well-formed')
  @ApiProblem(404, 'not-found', 'No such carrier in this process (the sandbox is off)')
  receive(
    @Param('provider') provider: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<TrackingReceipt> {
    return this.receiveWebhook.execute({ provider, rawBody: request.rawBody, headers: request.headers });
  }
}
