import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, Page } from '../../../platform/http';
import { CreateMethodUseCase } from '../application/manage-methods/create-method.use-case';
import { DeleteMethodUseCase } from '../application/manage-methods/delete-method.use-case';
import { EditMethodUseCase } from '../application/manage-methods/edit-method.use-case';
import { ListMethodsUseCase } from '../application/manage-methods/list-methods.use-case';
import { ViewMethodUseCase } from '../application/manage-methods/view-method.use-case';
import { ShippingMethod } from '../domain/shipping-method';
import { CreateMethodDto, EditMethodDto, ListMethodsDto, toPriceRule } from './method.dto';
import { MethodPage, MethodResponse } from './rates.response';

/** Admin: shipping methods, each in one zone with a price rule per currency and a delivery estimate. */
@ApiTags('shipping')
@Controller('shipping/methods')
@Roles('admin')
export class MethodsController {
  constructor(
    private readonly createMethod: CreateMethodUseCase,
    private readonly editMethod: EditMethodUseCase,
    private readonly deleteMethod: DeleteMethodUseCase,
    private readonly viewMethod: ViewMethodUseCase,
    private readonly listMethods: ListMethodsUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every method (or one zone’s), oldest first' })
  @ApiOkResponse({ type: MethodPage })
  list(@Query() query: ListMethodsDto): Promise<Page<ShippingMethod>> {
    return this.listMethods.execute({ zoneId: query.zoneId, limit: query.limit, cursor: query.cursor });
  }

  @Post()
  @ApiOperation({
    summary: 'A new method in a zone',
    description:
      'One price rule per currency: `flat`, `free_above` (free when the discounted subtotal is ≥ the threshold) or ' +
      '`weight_bands` (inclusive upper bounds in grams, lightest first; `upToGrams: null` on the last band serves ' +
      'any heavier parcel, otherwise heavier parcels are not served). Every problem is a 400 naming its field.',
  })
  @ApiCreatedResponse({ type: MethodResponse })
  @ApiProblem(404, 'not-found', 'No such zone')
  create(@Body() body: CreateMethodDto): Promise<ShippingMethod> {
    return this.createMethod.execute({
      zoneId: body.zoneId.toLowerCase(),
      name: body.name,
      enabled: body.enabled,
      priceRules: body.priceRules.map(toPriceRule),
      estimate: { minDays: body.estimate.minDays, maxDays: body.estimate.maxDays },
    });
  }

  @Get(':id')
  @ApiOkResponse({ type: MethodResponse })
  view(@IdParam() id: string): Promise<ShippingMethod> {
    return this.viewMethod.execute({ id });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a method', description: '`priceRules` replaces every rule.' })
  @ApiOkResponse({ type: MethodResponse })
  edit(@IdParam() id: string, @Body() body: EditMethodDto): Promise<ShippingMethod> {
    return this.editMethod.execute({
      id,
      zoneId: body.zoneId?.toLowerCase(),
      name: body.name,
      enabled: body.enabled,
      priceRules: body.priceRules?.map(toPriceRule),
      estimate: body.estimate && { minDays: body.estimate.minDays, maxDays: body.estimate.maxDays },
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; shipments keep its id and name' })
  remove(@IdParam() id: string): Promise<void> {
    return this.deleteMethod.execute({ id });
  }
}
