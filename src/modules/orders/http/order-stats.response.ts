import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '../../../platform/http';
import type { Money } from '../../../platform/messaging';
import type { OrderStatsView, RevenueView } from '../application/order-stats/get-order-stats.use-case';

export class RevenueResponse implements RevenueView {
  @ApiProperty({ example: 'EUR' }) readonly currency: string;
  @ApiProperty({ example: true, description: 'Prices include tax: then tax is not added to the total' })
  readonly taxIncluded: boolean;
  @ApiProperty({ example: 3 }) readonly orders: number;
  @ApiProperty({ type: MoneyResponse }) readonly subtotal: Money;
  @ApiProperty({ type: MoneyResponse }) readonly discountTotal: Money;
  @ApiProperty({ type: MoneyResponse }) readonly shippingTotal: Money;
  @ApiProperty({ type: MoneyResponse }) readonly taxTotal: Money;
  @ApiProperty({
    type: MoneyResponse,
    description: 'subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal); gross of refunds',
  })
  readonly total: Money;
}

export class InFlightResponse {
  @ApiProperty({ example: 2 }) readonly total: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { redeeming_promotion: 0, reserving_stock: 1, authorizing_payment: 0, awaiting_review: 1, confirming: 0 },
  })
  readonly byState: Record<string, number>;
}

/** Orders since an instant and the checkouts in flight. */
export class OrderStatsResponse implements OrderStatsView {
  @ApiProperty({ format: 'date-time' }) readonly since: string;
  @ApiProperty({ example: 12 }) readonly placed: number;
  @ApiProperty({ example: 10 }) readonly confirmed: number;
  @ApiProperty({ example: 2 }) readonly cancelled: number;
  @ApiProperty({ type: [RevenueResponse] }) readonly revenue: RevenueView[];
  @ApiProperty({ type: InFlightResponse }) readonly inFlight: InFlightResponse;
}
