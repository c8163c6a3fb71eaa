import { Controller, HttpCode, Param, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ReceiveWebhook, WebhookReceipt } from '../application/receive-webhook/receive-webhook';

/** Providers' signed callbacks; the signature is checked over the raw bytes, before anything else. */
@ApiExcludeController()
@Controller('payments/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: ReceiveWebhook) {}

  @Post(':provider')
  @HttpCode(200)
  receive(
    @Param('provider') provider: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<WebhookReceipt> {
    return this.webhooks.receive(provider, request.rawBody, request.headers);
  }
}
