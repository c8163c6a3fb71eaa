import { Injectable } from '@nestjs/common';
import { CountryTaxRules } from '../../domain/tax-rules';
import { CountryRulesRepository } from '../../infrastructure/country-rules.repository';
import { countryKey, noRulesFor } from '../tax-problems';

export interface ViewCountryRulesInput {
  readonly country: string;
}

/** `GET /tax/countries/:country`: one country's rules, or 404. */
@Injectable()
export class ViewCountryRulesUseCase {
  constructor(private readonly rules: CountryRulesRepository) {}

  async execute(input: ViewCountryRulesInput): Promise<CountryTaxRules> {
    const country = countryKey(input.country);
    const rules = await this.rules.find(country);
    if (!rules) throw noRulesFor(country);
    return rules;
  }
}
