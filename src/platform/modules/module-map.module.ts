import { DynamicModule, Module } from '@nestjs/common';
import { ModulesAdminController } from './http/modules-admin.controller';
import { MODULE_MAP, ModuleMap } from './module-map';

/** Serves `GET /admin/modules` from the map the composition root built. */
@Module({})
export class ModuleMapModule {
  static forRoot(map: ModuleMap): DynamicModule {
    return {
      module: ModuleMapModule,
      controllers: [ModulesAdminController],
      providers: [{ provide: MODULE_MAP, useValue: map }],
    };
  }
}
