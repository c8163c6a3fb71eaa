import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { MAX_PRICE_MINOR_UNITS } from './money.dto';

const SORTS = ['relevance', 'price', '-price', 'newest'] as const;
const STATUSES = ['active', 'draft', 'archived'] as const;

/** Query string of `GET /catalog/products`; numbers are parsed explicitly (no implicit coercion). */
export class ListProductsQueryDto {
  @ApiPropertyOptional({ description: 'Words to search in titles and descriptions' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly q?: string;

  @ApiPropertyOptional({ description: 'Category slug or id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly category?: string;

  @ApiPropertyOptional({ description: 'Lowest from-price, in minor units' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_MINOR_UNITS)
  readonly minPrice?: number;

  @ApiPropertyOptional({ description: 'Highest from-price, in minor units' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_MINOR_UNITS)
  readonly maxPrice?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  readonly inStock?: 'true' | 'false';

  @ApiPropertyOptional({ enum: SORTS, description: 'Default: relevance with q, newest without' })
  @IsOptional()
  @IsIn(SORTS)
  readonly sort?: (typeof SORTS)[number];

  @ApiPropertyOptional({
    enum: STATUSES,
    example: 'draft',
    description: 'Default active. draft and archived are for admins only (403 `forbidden` for anyone else)',
  })
  @IsOptional()
  @IsIn(STATUSES)
  readonly status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ description: 'Page size (1 to CATALOG_LIST_MAX_LIMIT)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  readonly limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() readonly cursor?: string;
}
