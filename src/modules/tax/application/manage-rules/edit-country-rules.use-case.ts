import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../platform/messaging';
import { CountryTaxRules } from '../../domain/tax-rules';
import { CountryRulesRepository } from '../../infrastructure/country-rules.repository';
import { assertValidRules, countryKey, noRulesFor } from '../tax-problems';

export interface EditCountryRulesInput {
  readonly country: string;
  /** Replaces every rate. */
  readonly rates?: Readonly<Record<string, number>>;
  /** `null`: shipping is not taxed; omitted: unchanged. */
  readonly shippingCategory?: string | null;
}

/** `PATCH /tax/countries/:country`: new rates or shipping rule; carts are taxed by them at once. */
@Injectable()
export class EditCountryRulesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: CountryRulesRepository,
  ) {}

  execute(input: EditCountryRulesInput): Promise<CountryTaxRules> {
    const country = countryKey(input.country);
    return this.uow.run(async (tx) => {
      const current = await this.rules.lock(tx, country);
      if (!current) throw noRulesFor(country);
      const edited: CountryTaxRules = {
        country,
        rates: input.rates ? { ...input.rates } : current.rates,
        shippingCategory: input.shippingCategory === undefined ? current.shippingCategory : input.shippingCategory,
      };
      assertValidRules(edited);
      await this.rules.update(tx, edited);
      return edited;
    });
  }
}
