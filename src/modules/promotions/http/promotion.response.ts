import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../platform/http';
import { BenefitView, PromotionView } from '../application/manage-promotions/promotion-view';

/** What a promotion gives (only its type's field). */
export class BenefitResponse implements BenefitView {
  @ApiProperty({ enum: ['percentage', 'fixed-amount', 'free-shipping'] })
  readonly type: 'percentage' | 'fixed-amount' | 'free-shipping';
  @ApiProperty({ required: false, example: 100000 }) readonly ratePpm?: number;
  @ApiProperty({ required: false, example: { EUR: 500 }, type: Object }) readonly amounts?: Record<string, number>;
}

export class ScopeResponse {
  @ApiProperty({ type: [String] }) readonly productIds: readonly string[];
  @ApiProperty({ type: [String] }) readonly categoryIds: readonly string[];
}

export class ConditionsResponse {
  @ApiProperty({ type: Object, nullable: true, example: { EUR: 5000 } })
  readonly minimumSubtotal: Readonly<Record<string, number>> | null;
  @ApiProperty({ type: ScopeResponse, nullable: true }) readonly scope: ScopeResponse | null;
  @ApiProperty() readonly firstOrderOnly: boolean;
}

export class LimitsResponse {
  @ApiProperty({ type: Number, nullable: true }) readonly totalRedemptions: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly perCustomer: number | null;
}

/** A promotion and the uses counted so far. */
export class PromotionResponse implements PromotionView {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ type: String, nullable: true, example: 'WELCOME10' }) readonly code: string | null;
  @ApiProperty({ type: BenefitResponse }) readonly benefit: BenefitResponse;
  @ApiProperty({ type: ConditionsResponse }) readonly conditions: ConditionsResponse;
  @ApiProperty({ type: String, nullable: true }) readonly startsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly endsAt: string | null;
  @ApiProperty({ type: LimitsResponse }) readonly limits: LimitsResponse;
  @ApiProperty({ example: 0 }) readonly redeemed: number;
  @ApiProperty() readonly disabled: boolean;
  @ApiProperty() readonly combinable: boolean;
}

export const PromotionPage = PageOf(PromotionResponse);
