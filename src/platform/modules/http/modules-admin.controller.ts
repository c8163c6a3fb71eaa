import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth';
import { MODULE_MAP, ModuleMap } from '../module-map';
import { ModuleMapResponse } from './modules-admin.response';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/modules')
export class ModulesAdminController {
  constructor(@Inject(MODULE_MAP) private readonly map: ModuleMap) {}

  /** The module map generated from the code, and where each module runs as this process sees it. */
  @Get()
  @ApiOperation({ summary: 'The module map and which process hosts each module (admin)' })
  @ApiOkResponse({ type: ModuleMapResponse })
  modules(): ModuleMap {
    return this.map;
  }
}
