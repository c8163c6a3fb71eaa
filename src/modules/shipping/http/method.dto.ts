import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Omittable, PageQueryDto } from '../../../platform/http';
import { MAX_ESTIMATE_DAYS } from '../domain/shipping-method';
import { PriceRule } from '../domain/price-rule';
import { MoneyDto } from './money.dto';

export const PRICE_RULE_KINDS = ['flat', 'free_above', 'weight_bands'] as const;

/** One weight band: parcels up to and including `upToGrams` (null: any weight, last band only). */
export class WeightBandDto {
  @ApiProperty({
    example: 1000,
    type: Number,
    nullable: true,
    description: 'Inclusive upper bound in grams; null on the last band means "and heavier"',
  })
  @ValidateIf((band: WeightBandDto) => band.upToGrams !== null)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly upToGrams: number | null;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  readonly price: MoneyDto;
}

/**
 * A price rule in one currency. `flat`: `price`. `free_above`: `price`, free when the discounted
 * subtotal is ≥ `threshold`. `weight_bands`: `bands`, lightest first. Fields of another kind are ignored.
 */
export class PriceRuleDto {
  @ApiProperty({ enum: PRICE_RULE_KINDS, example: 'flat' })
  @IsIn(PRICE_RULE_KINDS)
  readonly kind: (typeof PRICE_RULE_KINDS)[number];

  @ApiPropertyOptional({ type: MoneyDto, description: 'flat and free_above' })
  @ValidateIf((rule: PriceRuleDto) => rule.kind !== 'weight_bands')
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  readonly price?: MoneyDto;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'free_above: the discounted subtotal from which shipping is free',
  })
  @ValidateIf((rule: PriceRuleDto) => rule.kind === 'free_above')
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  readonly threshold?: MoneyDto;

  @ApiPropertyOptional({ type: [WeightBandDto], description: 'weight_bands: lightest first' })
  @ValidateIf((rule: PriceRuleDto) => rule.kind === 'weight_bands')
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => WeightBandDto)
  readonly bands?: WeightBandDto[];
}

/** Whole days from dispatch to delivery, as the shop states it. */
export class EstimateDto {
  @ApiProperty({ example: 2, minimum: 0, maximum: MAX_ESTIMATE_DAYS })
  @IsInt()
  @Min(0)
  @Max(MAX_ESTIMATE_DAYS)
  readonly minDays: number;

  @ApiProperty({ example: 4, minimum: 0, maximum: MAX_ESTIMATE_DAYS })
  @IsInt()
  @Min(0)
  @Max(MAX_ESTIMATE_DAYS)
  readonly maxDays: number;
}

/** `POST /shipping/methods`. */
export class CreateMethodDto {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' })
  @IsUUID('all')
  readonly zoneId: string;

  @ApiProperty({ example: 'Standard', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  readonly name: string;

  @ApiPropertyOptional({ example: true, description: 'Default true; a disabled method is never offered' })
  @Omittable()
  @IsBoolean()
  readonly enabled?: boolean;

  @ApiProperty({ type: [PriceRuleDto], description: 'At most one rule per currency' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PriceRuleDto)
  readonly priceRules: PriceRuleDto[];

  @ApiProperty({ type: EstimateDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EstimateDto)
  readonly estimate: EstimateDto;
}

/** `PATCH /shipping/methods/:id`: the fields sent are changed; `priceRules` replaces every rule. */
export class EditMethodDto {
  @ApiPropertyOptional({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' })
  @Omittable()
  @IsUUID('all')
  readonly zoneId?: string;

  @ApiPropertyOptional({ example: 'Standard (tracked)', maxLength: 100 })
  @Omittable()
  @IsString()
  @Length(1, 100)
  readonly name?: string;

  @ApiPropertyOptional({ example: false })
  @Omittable()
  @IsBoolean()
  readonly enabled?: boolean;

  @ApiPropertyOptional({ type: [PriceRuleDto] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PriceRuleDto)
  readonly priceRules?: PriceRuleDto[];

  @ApiPropertyOptional({ type: EstimateDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => EstimateDto)
  readonly estimate?: EstimateDto;
}

/** `GET /shipping/methods`: a page, optionally of one zone. */
export class ListMethodsDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the methods of this zone' })
  @IsOptional()
  @IsUUID('all')
  readonly zoneId?: string;
}

/** The domain's rule from a validated request rule: only the fields of its kind. */
export function toPriceRule(rule: PriceRuleDto): PriceRule {
  const money = (m: MoneyDto) => ({ amount: m.amount, currency: m.currency });
  switch (rule.kind) {
    case 'flat':
      return { kind: 'flat', price: money(rule.price!) };
    case 'free_above':
      return { kind: 'free_above', price: money(rule.price!), threshold: money(rule.threshold!) };
    case 'weight_bands':
      return {
        kind: 'weight_bands',
        bands: rule.bands!.map((band) => ({ upToGrams: band.upToGrams, price: money(band.price) })),
      };
  }
}
