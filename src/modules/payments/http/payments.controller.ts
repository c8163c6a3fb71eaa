import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, optionalIdempotencyKey } from '../../../platform/http';
import { ListPaymentsUseCase, PaymentView } from '../application/list-payments/list-payments.use-case';
import { RefundPaymentUseCase } from '../application/refund-payment/refund-payment.use-case';
import { RefundView } from '../application/refund-payment/refunds';
import { ListPaymentsQueryDto, RefundPaymentDto } from './payments.dto';
import { PaymentPage, RefundResponse } from './payments.response';

/** An order's payments, and admins' refunds. */
@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly listPayments: ListPaymentsUseCase,
    private readonly refundPayment: RefundPaymentUseCase,
  ) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: PaymentPage, description: "An order's payments (nextCursor is always null)" })
  @ApiProblem(404, 'not-found', 'No payments for this order, or it is not yours')
  ofOrder(
    @Query() query: ListPaymentsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ items: PaymentView[]; nextCursor: null }> {
    return this.listPayments.execute({ orderId: query.orderId, caller: user });
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
  refund(
    @IdParam() id: string,
    @Body() body: RefundPaymentDto,
    @Headers('idempotency-key') header: string | undefined,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<RefundView> {
    return this.refundPayment.execute({
      paymentId: id,
      amount: body.amount ? { amount: body.amount.amount, currency: body.amount.currency } : null,
      reason: body.reason,
      idempotencyKey: optionalIdempotencyKey(header),
      admin,
    });
  }
}
