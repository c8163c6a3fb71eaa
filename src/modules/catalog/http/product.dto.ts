import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../../platform/http';
import { SLUG_PATTERN } from '../domain/slug';
import { MoneyDto } from './money.dto';

const STATUSES = ['draft', 'active', 'archived'] as const;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A tax category's name, as the tax module spells its rates' keys. */
const TAX_CATEGORY = /^[a-z0-9-]{1,32}$/;
export const MAX_STOCK = 1_000_000_000;
/** The heaviest unit a variant may weigh, in grams (PostgreSQL's integer range: about 2 147 t). */
export const MAX_WEIGHT_GRAMS = 2_147_483_647;
const WEIGHT_DESCRIPTION = 'Weight of one unit in whole grams (integer ≥ 0); shipping prices weight bands by it';

export class NewVariantDto {
  @ApiProperty({ example: 'TEE-M' })
  @Matches(SKU, { message: 'sku must be 1-64 letters, digits, dots, dashes or underscores' })
  readonly sku: string;

  @ApiProperty({ example: 'Medium' })
  @IsString()
  @Length(1, 200)
  readonly title: string;

  @ApiProperty({ type: MoneyDto, example: { amount: 1999, currency: 'EUR' } })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  readonly price: MoneyDto;

  @ApiProperty({ example: 10, description: 'Initial units on hand' })
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  readonly stock: number;

  @ApiPropertyOptional({ example: 180, description: `${WEIGHT_DESCRIPTION}; left out, the variant has none (0 g)` })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_WEIGHT_GRAMS)
  readonly weightGrams?: number;
}

export class CreateProductDto {
  @ApiProperty({ example: 'Organic cotton tee' }) @IsString() @Length(1, 200) readonly title: string;

  @ApiPropertyOptional({ example: 'organic-cotton-tee', description: 'Made from the title when left out' })
  @Omittable()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words joined by dashes' })
  @MaxLength(80)
  readonly slug?: string;

  @ApiProperty({ example: 'A soft tee of organic cotton.' })
  @IsString()
  @MaxLength(10_000)
  readonly description: string;

  @ApiPropertyOptional({ type: [String], example: ['https://cdn.example.com/tee.jpg'] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true })
  readonly images?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  readonly categoryIds?: string[];

  @ApiPropertyOptional({ enum: STATUSES, example: 'active', description: 'Default: active' })
  @Omittable()
  @IsIn(STATUSES)
  readonly status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'reduced',
    description:
      'The tax category the tax module rates per country (1–32 lower-case letters, digits or "-"); ' +
      'null or left out: standard (in an edit, left out keeps it and null sets it back to standard)',
  })
  @ValidateIf((_dto, value) => value !== undefined && value !== null)
  @Matches(TAX_CATEGORY, { message: 'taxCategory must be 1-32 lower-case letters, digits or dashes' })
  readonly taxCategory?: string | null;

  @ApiProperty({ type: [NewVariantDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NewVariantDto)
  readonly variants: NewVariantDto[];
}

/** A variant in an edit: with `id` it changes that variant; without, it adds one (then sku, price and stock are required). */
export class EditVariantDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The variant to change; left out, a new variant is added' })
  @Omittable()
  @IsUUID('all')
  readonly id?: string;

  @ApiPropertyOptional({ example: 'TEE-M' })
  @Omittable()
  @Matches(SKU, { message: 'sku must be 1-64 letters, digits, dots, dashes or underscores' })
  readonly sku?: string;

  @ApiPropertyOptional({ example: 'Medium' }) @Omittable() @IsString() @Length(1, 200) readonly title?: string;

  @ApiPropertyOptional({ type: MoneyDto, example: { amount: 2499, currency: 'EUR' } })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  readonly price?: MoneyDto;

  @ApiPropertyOptional({ example: 12 }) @Omittable() @IsInt() @Min(0) @Max(MAX_STOCK) readonly stock?: number;

  @ApiPropertyOptional({ example: 200, description: `${WEIGHT_DESCRIPTION}; left out, the weight is kept` })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_WEIGHT_GRAMS)
  readonly weightGrams?: number;
}

/** Every field of a new product, all optional, and variants to edit or add instead of new ones. */
export class EditProductDto extends PartialType(OmitType(CreateProductDto, ['variants'] as const), {
  // null is validated (and refused) like any value, not taken for "left out".
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ type: [EditVariantDto] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EditVariantDto)
  readonly variants?: EditVariantDto[];
}

export class SetStockDto {
  @ApiProperty({ example: 25 }) @IsInt() @Min(0) @Max(MAX_STOCK) readonly onHand: number;
}

export class CreateCategoryDto {
  @ApiProperty({ example: 'T-shirts' }) @IsString() @Length(1, 100) readonly name: string;

  @ApiPropertyOptional({ example: 't-shirts', description: 'Made from the name when left out' })
  @Omittable()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words joined by dashes' })
  @MaxLength(80)
  readonly slug?: string;
}
