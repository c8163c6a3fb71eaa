import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Omittable, PageQueryDto } from '../../../platform/http';

const BENEFIT_TYPES = ['percentage', 'fixed-amount', 'free-shipping'] as const;
const PER_CURRENCY = 'Per ISO 4217 currency, a positive integer of minor units ({"EUR": 500, "JPY": 700})';

/** What a promotion gives: `percentage` with `ratePpm`, `fixed-amount` with `amounts`, or `free-shipping`. */
export class BenefitDto {
  @ApiProperty({ enum: BENEFIT_TYPES, example: 'percentage' })
  @IsIn(BENEFIT_TYPES)
  readonly type: (typeof BENEFIT_TYPES)[number];

  @ApiPropertyOptional({ example: 100000, description: 'percentage: 1–1000000 ppm (10 % = 100000)' })
  @Omittable()
  @IsInt()
  readonly ratePpm?: number;

  @ApiPropertyOptional({ example: { EUR: 500 }, description: `fixed-amount: ${PER_CURRENCY}`, type: Object })
  @Omittable()
  @IsObject()
  readonly amounts?: Record<string, number>;
}

/** The products and categories a promotion is limited to (a line of either is in scope). */
export class ScopeDto {
  @ApiProperty({ type: [String], format: 'uuid', example: ['0190a000-0000-7000-8000-000000000003'] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  readonly productIds: string[];

  @ApiProperty({ type: [String], format: 'uuid', example: [] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  readonly categoryIds: string[];
}

/** Conditions; each one sent replaces, one left out keeps its value (default: none). */
export class ConditionsDto {
  @ApiPropertyOptional({
    example: { EUR: 5000 },
    description: `${PER_CURRENCY}; null: none`,
    type: Object,
    nullable: true,
  })
  @ValidateIf((c: ConditionsDto) => c.minimumSubtotal !== undefined && c.minimumSubtotal !== null)
  @IsObject()
  readonly minimumSubtotal?: Record<string, number> | null;

  @ApiPropertyOptional({ type: ScopeDto, nullable: true, description: 'null: every line' })
  @ValidateIf((c: ConditionsDto) => c.scope !== undefined && c.scope !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  readonly scope?: ScopeDto | null;

  @ApiPropertyOptional({ example: false, description: 'Only for a customer without an earlier (not cancelled) order' })
  @Omittable()
  @IsBoolean()
  readonly firstOrderOnly?: boolean;
}

/** Limits; each one sent replaces; null: unlimited. */
export class LimitsDto {
  @ApiPropertyOptional({ example: 100, type: Number, nullable: true })
  @ValidateIf((l: LimitsDto) => l.totalRedemptions !== undefined && l.totalRedemptions !== null)
  @IsInt()
  readonly totalRedemptions?: number | null;

  @ApiPropertyOptional({ example: 1, type: Number, nullable: true })
  @ValidateIf((l: LimitsDto) => l.perCustomer !== undefined && l.perCustomer !== null)
  @IsInt()
  readonly perCustomer?: number | null;
}

/** The fields both creating and editing take. */
class PromotionFieldsDto {
  @ApiPropertyOptional({
    example: 'WELCOME10',
    type: String,
    nullable: true,
    description: 'What customers type (case-insensitive, stored upper case, 3–32 of A–Z 0–9 _ -); null: automatic',
  })
  @ValidateIf((p: PromotionFieldsDto) => p.code !== undefined && p.code !== null)
  @IsString()
  @MaxLength(64)
  readonly code?: string | null;

  @ApiPropertyOptional({ type: ConditionsDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ConditionsDto)
  readonly conditions?: ConditionsDto;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00Z',
    type: String,
    nullable: true,
    description: 'Valid from (inclusive)',
  })
  @ValidateIf((p: PromotionFieldsDto) => p.startsAt !== undefined && p.startsAt !== null)
  @IsISO8601({ strict: true })
  readonly startsAt?: string | null;

  @ApiPropertyOptional({
    example: '2027-01-01T00:00:00Z',
    type: String,
    nullable: true,
    description: 'Valid until (exclusive)',
  })
  @ValidateIf((p: PromotionFieldsDto) => p.endsAt !== undefined && p.endsAt !== null)
  @IsISO8601({ strict: true })
  readonly endsAt?: string | null;

  @ApiPropertyOptional({ type: LimitsDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => LimitsDto)
  readonly limits?: LimitsDto;

  @ApiPropertyOptional({ example: false, description: 'A disabled promotion applies nowhere, at once' })
  @Omittable()
  @IsBoolean()
  readonly disabled?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Applies together with other combinable promotions' })
  @Omittable()
  @IsBoolean()
  readonly combinable?: boolean;
}

/** `POST /promotions`. */
export class CreatePromotionDto extends PromotionFieldsDto {
  @ApiProperty({ type: BenefitDto, example: { type: 'percentage', ratePpm: 100000 } })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BenefitDto)
  readonly benefit: BenefitDto;
}

/** `PATCH /promotions/:id`: the fields sent are changed (`benefit` replaces the whole benefit). */
export class EditPromotionDto extends PromotionFieldsDto {
  @ApiPropertyOptional({ type: BenefitDto, example: { type: 'percentage', ratePpm: 100000 } })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => BenefitDto)
  readonly benefit?: BenefitDto;
}

/** `GET /promotions`: a page, optionally the promotion with one code. */
export class ListPromotionsDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'WELCOME10' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  readonly code?: string;
}
