import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, Page } from '../../../platform/http';
import { CreateZoneUseCase } from '../application/manage-zones/create-zone.use-case';
import { DeleteZoneUseCase } from '../application/manage-zones/delete-zone.use-case';
import { EditZoneUseCase } from '../application/manage-zones/edit-zone.use-case';
import { ListZonesUseCase } from '../application/manage-zones/list-zones.use-case';
import { ViewZoneUseCase } from '../application/manage-zones/view-zone.use-case';
import { Zone } from '../domain/zone';
import { ZonePage, ZoneResponse } from './rates.response';
import { CreateZoneDto, EditZoneDto, ListZonesDto } from './zone.dto';

/** Admin: shipping zones (sets of destination countries). */
@ApiTags('shipping')
@Controller('shipping/zones')
@Roles('admin')
export class ZonesController {
  constructor(
    private readonly createZone: CreateZoneUseCase,
    private readonly editZone: EditZoneUseCase,
    private readonly deleteZone: DeleteZoneUseCase,
    private readonly viewZone: ViewZoneUseCase,
    private readonly listZones: ListZonesUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every zone, oldest first' })
  @ApiOkResponse({ type: ZonePage })
  list(@Query() query: ListZonesDto): Promise<Page<Zone>> {
    return this.listZones.execute({ limit: query.limit, cursor: query.cursor });
  }

  @Post()
  @ApiOperation({ summary: 'A new zone', description: 'A bad, unassigned or repeated country is a 400 naming it.' })
  @ApiCreatedResponse({ type: ZoneResponse })
  create(@Body() body: CreateZoneDto): Promise<Zone> {
    return this.createZone.execute({ name: body.name, countries: body.countries });
  }

  @Get(':id')
  @ApiOkResponse({ type: ZoneResponse })
  view(@IdParam() id: string): Promise<Zone> {
    return this.viewZone.execute({ id });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a zone or replace its countries' })
  @ApiOkResponse({ type: ZoneResponse })
  edit(@IdParam() id: string, @Body() body: EditZoneDto): Promise<Zone> {
    return this.editZone.execute({ id, name: body.name, countries: body.countries });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(409, 'zone-has-methods', 'The zone still has shipping methods')
  remove(@IdParam() id: string): Promise<void> {
    return this.deleteZone.execute({ id });
  }
}
