import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ProblemException } from '../../../platform/http';
import { isUuid } from '../domain/reservation-lines';
import { SetStock, StockLevel } from '../application/set-stock/set-stock.use-case';
import { SetStockDto } from './product.dto';

@ApiTags('catalog')
@Controller('catalog/variants')
export class VariantsController {
  constructor(private readonly setStock: SetStock) {}

  @Put(':id/stock')
  @Roles('admin')
  @ApiBearerAuth()
  stock(@Param('id') id: string, @Body() body: SetStockDto): Promise<StockLevel> {
    if (!isUuid(id)) throw ProblemException.notFound('Variant');
    return this.setStock.set(id.toLowerCase(), body.onHand);
  }
}
