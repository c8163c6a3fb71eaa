import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SLUG_PATTERN } from '../domain/slug';
import { MoneyDto } from './money.dto';

const STATUSES = ['draft', 'active', 'archived'] as const;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_STOCK = 1_000_000_000;

export class NewVariantDto {
  @ApiProperty({ example: 'TEE-M' })
  @Matches(SKU, { message: 'sku must be 1-64 letters, digits, dots, dashes or underscores' })
  readonly sku: string;

  @ApiProperty({ example: 'M' })
  @IsString()
  @Length(1, 200)
  readonly title: string;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  readonly price: MoneyDto;

  @ApiProperty({ example: 10, description: 'Initial units on hand' })
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  readonly stock: number;
}

export class CreateProductDto {
  @ApiProperty() @IsString() @Length(1, 200) readonly title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words joined by dashes' })
  @MaxLength(80)
  readonly slug?: string;

  @ApiProperty() @IsString() @MaxLength(10_000) readonly description: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true })
  readonly images?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  readonly categoryIds?: string[];

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  readonly status?: (typeof STATUSES)[number];

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
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') readonly id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SKU, { message: 'sku must be 1-64 letters, digits, dots, dashes or underscores' })
  readonly sku?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) readonly title?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  readonly price?: MoneyDto;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_STOCK) readonly stock?: number;
}

/** Every field of a new product, all optional, and variants to edit or add instead of new ones. */
export class EditProductDto extends PartialType(OmitType(CreateProductDto, ['variants'] as const)) {
  @ApiPropertyOptional({ type: [EditVariantDto] })
  @IsOptional()
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
  @ApiProperty() @IsString() @Length(1, 100) readonly name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words joined by dashes' })
  @MaxLength(80)
  readonly slug?: string;
}
