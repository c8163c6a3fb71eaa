import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser } from '../../../platform/auth';
import { IdParam } from '../../../platform/http';
import { GetPersonalRecommendationsUseCase } from '../application/personal-recommendations/get-personal-recommendations.use-case';
import { GetPopularProductsUseCase } from '../application/popular-products/get-popular-products.use-case';
import { GetSimilarProductsUseCase } from '../application/similar-products/get-similar-products.use-case';
import { DEFAULT_LIMIT, RecommendationListDto, RecommendationsQueryDto } from './recommendations.dto';

/** Recommendations: bought together, personal, popular (`/recommendations`). */
@ApiTags('recommendations')
@Controller('recommendations')
export class RecommendationsController {
  constructor(
    private readonly similarProducts: GetSimilarProductsUseCase,
    private readonly personalRecommendations: GetPersonalRecommendationsUseCase,
    private readonly popularProducts: GetPopularProductsUseCase,
  ) {}

  @Get('products/:productId')
  @ApiOperation({ summary: 'Products bought together with this one (padded with popular ones)' })
  @ApiOkResponse({ type: RecommendationListDto })
  async similar(
    @IdParam('productId') productId: string,
    @Query() query: RecommendationsQueryDto,
  ): Promise<RecommendationListDto> {
    return { items: await this.similarProducts.execute({ productId, limit: query.limit ?? DEFAULT_LIMIT }) };
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: "Suggestions from the caller's history, never what they already bought" })
  @ApiOkResponse({ type: RecommendationListDto })
  async personal(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RecommendationsQueryDto,
  ): Promise<RecommendationListDto> {
    return {
      items: await this.personalRecommendations.execute({ customerId: user.id, limit: query.limit ?? DEFAULT_LIMIT }),
    };
  }

  @Get('popular')
  @ApiOperation({ summary: 'Most bought products lately (recency-weighted)' })
  @ApiOkResponse({ type: RecommendationListDto })
  async popular(@Query() query: RecommendationsQueryDto): Promise<RecommendationListDto> {
    return { items: await this.popularProducts.execute({ limit: query.limit ?? DEFAULT_LIMIT }) };
  }
}
