import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser } from '../../../platform/auth';
import { IdParam, ProblemException } from '../../../platform/http';
import { RecommendationReads } from '../infrastructure/recommendation-reads';
import { DEFAULT_LIMIT, RecommendationListDto, RecommendationsQueryDto } from './recommendations.dto';

@ApiTags('recommendations')
@Controller('recommendations')
export class RecommendationsController {
  constructor(private readonly reads: RecommendationReads) {}

  @Get('products/:productId')
  @ApiOperation({ summary: 'Products bought together with this one (padded with popular ones)' })
  @ApiOkResponse({ type: RecommendationListDto })
  async similar(
    @IdParam('productId') productId: string,
    @Query() query: RecommendationsQueryDto,
  ): Promise<RecommendationListDto> {
    const items = await this.reads.similarTo(productId, query.limit ?? DEFAULT_LIMIT);
    if (!items) throw ProblemException.notFound('Product');
    return { items };
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: "Suggestions from the caller's history, never what they already bought" })
  @ApiOkResponse({ type: RecommendationListDto })
  async personal(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RecommendationsQueryDto,
  ): Promise<RecommendationListDto> {
    return { items: await this.reads.forCustomer(user.id, query.limit ?? DEFAULT_LIMIT) };
  }

  @Get('popular')
  @ApiOperation({ summary: 'Most bought products lately (recency-weighted)' })
  @ApiOkResponse({ type: RecommendationListDto })
  async popular(@Query() query: RecommendationsQueryDto): Promise<RecommendationListDto> {
    return { items: await this.reads.popular(query.limit ?? DEFAULT_LIMIT) };
  }
}
