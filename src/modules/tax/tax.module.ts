import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { ComputeTaxHandler } from './application/compute-tax/compute-tax.handler';
import { CreateCountryRulesUseCase } from './application/manage-rules/create-country-rules.use-case';
import { DeleteCountryRulesUseCase } from './application/manage-rules/delete-country-rules.use-case';
import { EditCountryRulesUseCase } from './application/manage-rules/edit-country-rules.use-case';
import { ListCountryRulesUseCase } from './application/manage-rules/list-country-rules.use-case';
import { ViewCountryRulesUseCase } from './application/manage-rules/view-country-rules.use-case';
import { ViewTaxSettingsUseCase } from './application/view-settings/view-tax-settings.use-case';
import { TaxController } from './http/tax.controller';
import { CountryRulesRepository } from './infrastructure/country-rules.repository';
import { loadTaxConfig, TAX_CONFIG } from './tax.config';
import { taxDescriptor } from './tax.descriptor';

// Tax reads and writes through lean SQL in its repository, so it maps no entities.
const database: ModuleDatabaseDefinition = { module: 'tax', entities: [] };

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadTaxConfig(config.source);

/**
 * The tax bounded context (docs/modules/tax.md, ADR 0107): rates per destination country and product
 * tax category, tax on shipping per country, the store's price mode, and `ComputeTax`, the tax of a
 * cart-like input per line and on shipping.
 */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('tax')],
  controllers: [TaxController],
  providers: [
    { provide: TAX_CONFIG, inject: [APP_CONFIG], useFactory: settings },
    CountryRulesRepository,
    ComputeTaxHandler,
    CreateCountryRulesUseCase,
    EditCountryRulesUseCase,
    DeleteCountryRulesUseCase,
    ViewCountryRulesUseCase,
    ListCountryRulesUseCase,
    ViewTaxSettingsUseCase,
  ],
})
export class TaxModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = taxDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
