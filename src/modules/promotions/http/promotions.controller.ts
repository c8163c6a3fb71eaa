import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, Page } from '../../../platform/http';
import { CreatePromotionUseCase } from '../application/manage-promotions/create-promotion.use-case';
import { DeletePromotionUseCase } from '../application/manage-promotions/delete-promotion.use-case';
import { EditPromotionUseCase } from '../application/manage-promotions/edit-promotion.use-case';
import { ListPromotionsUseCase } from '../application/manage-promotions/list-promotions.use-case';
import { PromotionView } from '../application/manage-promotions/promotion-view';
import { ViewPromotionUseCase } from '../application/manage-promotions/view-promotion.use-case';
import { CreatePromotionDto, EditPromotionDto, ListPromotionsDto } from './promotion.dto';
import { PromotionPage, PromotionResponse } from './promotion.response';

/** Admin: promotions and codes. */
@ApiTags('promotions')
@Controller('promotions')
@Roles('admin')
export class PromotionsController {
  constructor(
    private readonly createPromotion: CreatePromotionUseCase,
    private readonly editPromotion: EditPromotionUseCase,
    private readonly deletePromotion: DeletePromotionUseCase,
    private readonly viewPromotion: ViewPromotionUseCase,
    private readonly listPromotions: ListPromotionsUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every promotion, oldest first (or the one with `code`)' })
  @ApiOkResponse({ type: PromotionPage })
  list(@Query() query: ListPromotionsDto): Promise<Page<PromotionView>> {
    return this.listPromotions.execute({ limit: query.limit, cursor: query.cursor, code: query.code });
  }

  @Post()
  @ApiOperation({
    summary: 'A code (with `code`) or an automatic promotion',
    description: 'A bad definition is a 400 naming each field; a code another promotion has is a 409.',
  })
  @ApiCreatedResponse({ type: PromotionResponse })
  @ApiProblem(409, 'promotion-code-taken', 'Another promotion has this code')
  create(@Body() body: CreatePromotionDto): Promise<PromotionView> {
    return this.createPromotion.execute(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: PromotionResponse })
  view(@IdParam() id: string): Promise<PromotionView> {
    return this.viewPromotion.execute({ id });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a promotion; `{"disabled": true}` stops it at once' })
  @ApiOkResponse({ type: PromotionResponse })
  @ApiProblem(409, 'promotion-code-taken', 'Another promotion has this code')
  edit(@IdParam() id: string, @Body() body: EditPromotionDto): Promise<PromotionView> {
    return this.editPromotion.execute({ ...body, id });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(409, 'promotion-has-redemptions', 'Orders redeemed it: disable it instead')
  remove(@IdParam() id: string): Promise<void> {
    return this.deletePromotion.execute({ id });
  }
}
