import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** How many suggestions a reply holds when `limit` is left out. */
export const DEFAULT_LIMIT = 10;
/** The most suggestions one reply holds. */
export const MAX_LIMIT = 50;

/** The query of every recommendations route: how many suggestions. */
export class RecommendationsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  readonly limit?: number;
}

/** A card's from-price. */
export class CardPriceDto {
  @ApiProperty({ description: 'Integer minor units (cents)', example: 1999 })
  readonly amount: number;

  @ApiProperty({ example: 'EUR' })
  readonly currency: string;
}

/** What a product card shows. */
export class ProductCardDto {
  @ApiProperty({ format: 'uuid' })
  readonly id: string;

  @ApiProperty({ type: String, nullable: true, example: 'linen-shirt' })
  readonly slug: string | null;

  @ApiProperty({ example: 'Linen Shirt' })
  readonly title: string;

  @ApiProperty({ type: String, nullable: true, description: 'The main image URL' })
  readonly image: string | null;

  @ApiProperty({ type: CardPriceDto, nullable: true, description: 'The lowest variant price ("from")' })
  readonly price: CardPriceDto | null;

  @ApiProperty({ description: 'Some variant can be bought now' })
  readonly inStock: boolean;
}

/** One suggested product, its score and why. */
export class RecommendationDto {
  @ApiProperty({ format: 'uuid' })
  readonly productId: string;

  @ApiProperty({ description: 'Cosine similarity (bought-together) or recency-weighted purchases (popular)' })
  readonly score: number;

  @ApiProperty({ enum: ['bought-together', 'popular'], description: 'Why it is suggested' })
  readonly reason: 'bought-together' | 'popular';

  @ApiProperty({
    type: ProductCardDto,
    nullable: true,
    description: 'What a product card shows; null for a product catalog has not announced since cards were added',
  })
  readonly product: ProductCardDto | null;
}

/** A list of suggestions, best first. */
export class RecommendationListDto {
  @ApiProperty({ type: [RecommendationDto] })
  readonly items: readonly RecommendationDto[];
}
