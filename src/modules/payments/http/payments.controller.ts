import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ProblemException } from '../../../platform/http';
import { ListPayments, PaymentView } from '../application/list-payments/list-payments';
import { Refunds, RefundView } from '../application/refund-payment/refunds';
import { ProviderUnavailableError } from '../infrastructure/providers/payment-provider';
import { ListPaymentsQuery, RefundPaymentDto } from './payments.dto';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly list: ListPayments,
    private readonly refunds: Refunds,
  ) {}

  @Get()
  @Authenticated()
  ofOrder(
    @Query() query: ListPaymentsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ items: PaymentView[]; nextCursor: null }> {
    return this.list.ofOrder(query.orderId, user);
  }

  @Post(':id/refund')
  @Roles('admin')
  @HttpCode(201)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried request with the same key is the same refund.',
  })
  async refund(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('Payment') })) id: string,
    @Body() body: RefundPaymentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<RefundView> {
    const requestKey = idempotencyKey ? `http:${idempotencyKey.slice(0, 200)}` : `http:${uuidv7()}`;
    try {
      return await this.refunds.refund(id, body.amount ?? null, body.reason ?? 'requested_by_admin', requestKey);
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      throw new ProblemException({
        status: 503,
        type: 'provider-unavailable',
        detail: 'The payment provider is unavailable; retry with the same Idempotency-Key.',
      });
    }
  }
}
