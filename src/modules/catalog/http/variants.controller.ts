import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem, IdParam } from '../../../platform/http';
import { SetStockUseCase } from '../application/set-stock/set-stock.use-case';
import { VariantStockView, ViewVariantStockUseCase } from '../application/view-stock/view-variant-stock.use-case';
import { StockLevel } from '../domain/stock';
import { StockLevelResponse, VariantStockResponse } from './catalog.response';
import { SetStockDto } from './product.dto';

/** Variants' stock, seen and set by admins. */
@ApiTags('catalog')
@Controller('catalog/variants')
export class VariantsController {
  constructor(
    private readonly setStock: SetStockUseCase,
    private readonly viewStock: ViewVariantStockUseCase,
  ) {}

  /** Units on hand, reserved and available, and the orders holding them (admins). */
  @Get(':id/stock')
  @Roles('admin')
  @ApiOkResponse({ type: VariantStockResponse })
  @ApiProblem(404, 'not-found', 'No such variant')
  stockOf(@IdParam() id: string): Promise<VariantStockView> {
    return this.viewStock.execute({ variantId: id });
  }

  @Put(':id/stock')
  @Roles('admin')
  @ApiOkResponse({ type: StockLevelResponse })
  @ApiProblem(409, 'stock-below-reserved', 'onHand would be below the units already reserved')
  stock(@IdParam() id: string, @Body() body: SetStockDto): Promise<StockLevel> {
    return this.setStock.execute({ variantId: id, onHand: body.onHand });
  }
}
