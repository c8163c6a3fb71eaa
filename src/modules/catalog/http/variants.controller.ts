import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem, IdParam } from '../../../platform/http';
import { SetStockUseCase } from '../application/set-stock/set-stock.use-case';
import { StockLevel } from '../domain/stock';
import { StockLevelResponse } from './catalog.response';
import { SetStockDto } from './product.dto';

/** Variants' stock, set by admins. */
@ApiTags('catalog')
@Controller('catalog/variants')
export class VariantsController {
  constructor(private readonly setStock: SetStockUseCase) {}

  @Put(':id/stock')
  @Roles('admin')
  @ApiOkResponse({ type: StockLevelResponse })
  @ApiProblem(409, 'stock-below-reserved', 'onHand would be below the units already reserved')
  stock(@IdParam() id: string, @Body() body: SetStockDto): Promise<StockLevel> {
    return this.setStock.execute({ variantId: id, onHand: body.onHand });
  }
}
