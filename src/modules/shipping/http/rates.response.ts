import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyResponse, PageOf } from '../../../platform/http';
import { PriceRule } from '../domain/price-rule';
import { ShippingMethod } from '../domain/shipping-method';
import { Zone } from '../domain/zone';

/** A zone: a named set of destination countries. */
export class ZoneResponse implements Zone {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'European Union' }) readonly name: string;
  @ApiProperty({ type: [String], example: ['DE', 'AT', 'FR'] }) readonly countries: readonly string[];
}

export const ZonePage = PageOf(ZoneResponse);

/** One weight band of a rule. */
export class WeightBandResponse {
  @ApiProperty({ type: Number, nullable: true, example: 1000 }) readonly upToGrams: number | null;
  @ApiProperty({ type: MoneyResponse }) readonly price: MoneyResponse;
}

/** A price rule in one currency (`flat`, `free_above` or `weight_bands`; only its kind's fields). */
export class PriceRuleResponse {
  @ApiProperty({ enum: ['flat', 'free_above', 'weight_bands'] }) readonly kind: string;
  @ApiPropertyOptional({ type: MoneyResponse }) readonly price?: MoneyResponse;
  @ApiPropertyOptional({ type: MoneyResponse }) readonly threshold?: MoneyResponse;
  @ApiPropertyOptional({ type: [WeightBandResponse] }) readonly bands?: readonly WeightBandResponse[];
}

/** Whole days from dispatch to delivery. */
export class EstimateResponse {
  @ApiProperty({ example: 2 }) readonly minDays: number;
  @ApiProperty({ example: 4 }) readonly maxDays: number;
}

/** A shipping method of a zone. */
export class MethodResponse implements ShippingMethod {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly zoneId: string;
  @ApiProperty({ example: 'Standard' }) readonly name: string;
  @ApiProperty() readonly enabled: boolean;
  @ApiProperty({ type: [PriceRuleResponse] }) readonly priceRules: readonly PriceRule[];
  @ApiProperty({ type: EstimateResponse }) readonly estimate: EstimateResponse;
}

export const MethodPage = PageOf(MethodResponse);
