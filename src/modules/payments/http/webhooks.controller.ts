import { Controller, HttpCode, Param, Post, RawBodyRequest, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblem } from '../../../platform/http';
import { ReceiveWebhookUseCase, WebhookReceipt } from '../application/receive-webhook/receive-webhook.use-case';
import { SandboxWebhookEventDto, StripeWebhookEventDto, WebhookReceiptResponse } from './webhook-event.dto';

/** Providers' signed callbacks; the signature is checked over the raw bytes, before anything else. */
@ApiTags('payments')
@ApiExtraModels(SandboxWebhookEventDto, StripeWebhookEventDto)
@Controller('payments/webhooks')
export class WebhooksController {
  constructor(private readonly receiveWebhook: ReceiveWebhookUseCase) {}

  @Post(':provider')
  @HttpCode(200)
  @ApiOperation({
    summary: "A payment provider's signed event",
    description:
      'Called by the provider, not by clients. The signature (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`) ' +
      'is checked over the raw body and its timestamp must be within PAYMENTS_WEBHOOK_TOLERANCE_SECONDS; an event ' +
      'id seen before is acknowledged as a duplicate and changes nothing.',
  })
  @ApiParam({ name: 'provider', enum: ['sandbox', 'stripe'] })
  @ApiHeader({ name: 'Sandbox-Signature', required: false, description: 'The sandbox signature (provider sandbox)' })
  @ApiHeader({ name: 'Stripe-Signature', required: false, description: "Stripe's signature (provider stripe)" })
  @ApiBody({
    schema: {
      oneOf: [{ $ref: getSchemaPath(SandboxWebhookEventDto) }, { $ref: getSchemaPath(StripeWebhookEventDto) }],
    },
  })
  @ApiOkResponse({ type: WebhookReceiptResponse, description: 'Received (applied, ignored or a duplicate)' })
  @ApiProblem(400, 'invalid-webhook', 'The signature is missing, wrong or stale, or the event is not well-formed')
  receive(
    @Param('provider') provider: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<WebhookReceipt> {
    return this.receiveWebhook.execute({ provider, rawBody: request.rawBody, headers: request.headers });
  }
}
