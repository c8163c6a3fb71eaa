import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { IdParam } from '../../../platform/http';
import { SetStock, StockLevel } from '../application/set-stock/set-stock.use-case';
import { SetStockDto } from './product.dto';

@ApiTags('catalog')
@Controller('catalog/variants')
export class VariantsController {
  constructor(private readonly setStock: SetStock) {}

  @Put(':id/stock')
  @Roles('admin')
  @ApiBearerAuth()
  stock(@IdParam() id: string, @Body() body: SetStockDto): Promise<StockLevel> {
    return this.setStock.set(id, body.onHand);
  }
}
