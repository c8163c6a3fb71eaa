import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem, Page } from '../../../platform/http';
import { CreateCountryRulesUseCase } from '../application/manage-rules/create-country-rules.use-case';
import { DeleteCountryRulesUseCase } from '../application/manage-rules/delete-country-rules.use-case';
import { EditCountryRulesUseCase } from '../application/manage-rules/edit-country-rules.use-case';
import { ListCountryRulesUseCase } from '../application/manage-rules/list-country-rules.use-case';
import { ViewCountryRulesUseCase } from '../application/manage-rules/view-country-rules.use-case';
import { TaxSettings, ViewTaxSettingsUseCase } from '../application/view-settings/view-tax-settings.use-case';
import { CountryTaxRules } from '../domain/tax-rules';
import { CreateCountryRulesDto, EditCountryRulesDto, ListCountryRulesDto } from './country-rules.dto';
import { CountryRulesPage, CountryRulesResponse, TaxSettingsResponse } from './tax.response';

/** Admin: tax rules per destination country, and the store's tax settings. */
@ApiTags('tax')
@Controller('tax')
@Roles('admin')
export class TaxController {
  constructor(
    private readonly createRules: CreateCountryRulesUseCase,
    private readonly editRules: EditCountryRulesUseCase,
    private readonly deleteRules: DeleteCountryRulesUseCase,
    private readonly viewRules: ViewCountryRulesUseCase,
    private readonly listRules: ListCountryRulesUseCase,
    private readonly viewSettings: ViewTaxSettingsUseCase,
  ) {}

  @Get('settings')
  @ApiOperation({ summary: 'The price mode and default country (settings TAX_PRICE_MODE, TAX_DEFAULT_COUNTRY)' })
  @ApiOkResponse({ type: TaxSettingsResponse })
  settings(): TaxSettings {
    return this.viewSettings.execute();
  }

  @Get('countries')
  @ApiOperation({ summary: 'Every country with tax rules, by code' })
  @ApiOkResponse({ type: CountryRulesPage })
  list(@Query() query: ListCountryRulesDto): Promise<Page<CountryTaxRules>> {
    return this.listRules.execute({ limit: query.limit, cursor: query.cursor });
  }

  @Post('countries')
  @ApiOperation({
    summary: "A country's tax rules",
    description: 'A bad country, category or rate is a 400 naming it; a country with rules already is a 409.',
  })
  @ApiCreatedResponse({ type: CountryRulesResponse })
  @ApiProblem(409, 'tax-country-exists', 'The country has tax rules already')
  create(@Body() body: CreateCountryRulesDto): Promise<CountryTaxRules> {
    return this.createRules.execute({
      country: body.country,
      rates: body.rates,
      shippingCategory: body.shippingCategory,
    });
  }

  @Get('countries/:country')
  @ApiOkResponse({ type: CountryRulesResponse })
  view(@Param('country') country: string): Promise<CountryTaxRules> {
    return this.viewRules.execute({ country });
  }

  @Patch('countries/:country')
  @ApiOperation({ summary: "Replace a country's rates or its shipping rule" })
  @ApiOkResponse({ type: CountryRulesResponse })
  edit(@Param('country') country: string, @Body() body: EditCountryRulesDto): Promise<CountryTaxRules> {
    return this.editRules.execute({ country, rates: body.rates, shippingCategory: body.shippingCategory });
  }

  @Delete('countries/:country')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted: nothing is taxed there from now on' })
  remove(@Param('country') country: string): Promise<void> {
    return this.deleteRules.execute({ country });
  }
}
