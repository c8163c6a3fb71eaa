import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse, PageOf } from '../../../platform/http';
import type { PaymentView } from '../application/list-payments/list-payments.use-case';
import type { RefundView } from '../application/refund-payment/refunds';
import type { RefundStatus } from '../domain/payment';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** A payment as `GET /payments?orderId=` answers it. */
export class PaymentResponse implements PaymentView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly id: string;
  @ApiProperty({ format: 'uuid', example: ID }) readonly orderId: string;
  @ApiProperty({ example: 'captured' }) readonly status: string;
  @ApiProperty({ type: MoneyResponse }) readonly amount: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) readonly capturedAmount: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) readonly refundedAmount: MoneyResponse;
  @ApiProperty({ example: 'sandbox' }) readonly provider: string;
  @ApiProperty({ type: String, nullable: true, example: '4242' }) readonly last4: string | null;
  @ApiProperty({ required: false, example: 10, description: 'Admins only' }) readonly riskScore?: number;
  @ApiProperty({ required: false, example: 'allow', description: 'Admins only' }) readonly riskDecision?: string;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
}

/** `GET /payments?orderId=`: an order's payments (nextCursor is always null). */
export const PaymentPage = PageOf(PaymentResponse);

/** A refund as `POST /payments/:id/refund` answers it. */
export class RefundResponse implements RefundView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly id: string;
  @ApiProperty({ format: 'uuid', example: ID }) readonly paymentId: string;
  @ApiProperty({ type: MoneyResponse, description: "How much goes back, in the payment's currency" })
  readonly amount: MoneyResponse;
  @ApiProperty({ type: String, example: 'succeeded' }) readonly status: RefundStatus;
  @ApiProperty({ example: 'requested_by_admin' }) readonly reason: string;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
}
