import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { CountryTaxRules } from '../../domain/tax-rules';
import { CountryRulesRepository } from '../../infrastructure/country-rules.repository';
import { assertValidRules } from '../tax-problems';

export interface CreateCountryRulesInput {
  readonly country: string;
  readonly rates: Readonly<Record<string, number>>;
  readonly shippingCategory: string | null;
}

/** `POST /tax/countries`: a country's rates; a bad rate or category is a 400 naming it, a second set a 409. */
@Injectable()
export class CreateCountryRulesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: CountryRulesRepository,
  ) {}

  async execute(input: CreateCountryRulesInput): Promise<CountryTaxRules> {
    const rules: CountryTaxRules = {
      country: input.country,
      rates: { ...input.rates },
      shippingCategory: input.shippingCategory,
    };
    assertValidRules(rules);
    const created = await this.uow.run((tx) => this.rules.insert(tx, rules));
    if (!created) {
      throw ProblemException.conflict('tax-country-exists', `${rules.country} has tax rules already; edit them.`, {
        country: rules.country,
      });
    }
    return rules;
  }
}
