import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../platform/http';
import { CountryTaxRules } from '../domain/tax-rules';
import { TaxSettings } from '../application/view-settings/view-tax-settings.use-case';

/** A destination country's tax rules. */
export class CountryRulesResponse implements CountryTaxRules {
  @ApiProperty({ example: 'DE' }) readonly country: string;
  @ApiProperty({ example: { standard: 190000, reduced: 70000 }, type: Object })
  readonly rates: Readonly<Record<string, number>>;
  @ApiProperty({ example: 'standard', type: String, nullable: true }) readonly shippingCategory: string | null;
}

export const CountryRulesPage = PageOf(CountryRulesResponse);

/** The store's tax settings (TAX_PRICE_MODE, TAX_DEFAULT_COUNTRY). */
export class TaxSettingsResponse implements TaxSettings {
  @ApiProperty({ enum: ['tax-exclusive', 'tax-inclusive'] }) readonly priceMode: 'tax-exclusive' | 'tax-inclusive';
  @ApiProperty({ example: 'DE', type: String, nullable: true }) readonly defaultCountry: string | null;
}
