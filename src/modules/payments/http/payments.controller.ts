import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, optionalIdempotencyKey, ProblemException } from '../../../platform/http';
import { ListPayments, PaymentView } from '../application/list-payments/list-payments';
import { Refunds, RefundView } from '../application/refund-payment/refunds';
import { ProviderUnavailableError } from '../infrastructure/providers/payment-provider';
import { ListPaymentsQuery, RefundPaymentDto } from './payments.dto';
import { PaymentPage, RefundResponse } from './payments.response';

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly list: ListPayments,
    private readonly refunds: Refunds,
  ) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: PaymentPage, description: "An order's payments (nextCursor is always null)" })
  @ApiProblem(404, 'not-found', 'No payments for this order, or it is not yours')
  ofOrder(
    @Query() query: ListPaymentsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ items: PaymentView[]; nextCursor: null }> {
    return this.list.ofOrder(query.orderId, user);
  }

  /**
   * Refunds all or part of a captured payment. With an `Idempotency-Key`, a retry is the same
   * refund (resumed if it was interrupted), and the same key with another request is a 422.
   */
  @Post(':id/refund')
  @Roles('admin')
  @HttpCode(201)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried request with the same key is the same refund; the same key with another body is a 422.',
  })
  @ApiCreatedResponse({ type: RefundResponse })
  @ApiProblem(409, 'payment-not-captured', 'The payment has no captured money to refund')
  @ApiProblem(422, 'refund-exceeds-captured', 'More than the captured and not yet refunded amount was asked')
  @ApiProblem(422, 'refund-currency-mismatch', "The amount is not in the payment's currency")
  @ApiProblem(503, 'provider-unavailable', 'The payment provider is unavailable; retry with the same Idempotency-Key')
  async refund(
    @IdParam() id: string,
    @Body() body: RefundPaymentDto,
    @Headers('idempotency-key') header: string | undefined,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<RefundView> {
    const key = optionalIdempotencyKey(header);
    const amount = body.amount ? { amount: body.amount.amount, currency: body.amount.currency } : null;
    const reason = body.reason ?? 'requested_by_admin';
    try {
      return await this.refunds.refund({
        paymentId: id,
        amount,
        reason,
        requestKey: `http:${admin.id}:${key ?? uuidv7()}`,
        idempotency: key ? { scope: admin.id, key, request: { paymentId: id, amount, reason } } : undefined,
      });
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
