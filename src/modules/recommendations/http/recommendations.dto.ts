import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

export class RecommendationsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  readonly limit?: number;
}

export class RecommendationDto {
  @ApiProperty({ format: 'uuid' })
  readonly productId: string;

  @ApiProperty({ description: 'Cosine similarity (bought-together) or recency-weighted purchases (popular)' })
  readonly score: number;

  @ApiProperty({ enum: ['bought-together', 'popular'], description: 'Why it is suggested' })
  readonly reason: 'bought-together' | 'popular';
}

export class RecommendationListDto {
  @ApiProperty({ type: [RecommendationDto] })
  readonly items: readonly RecommendationDto[];
}
