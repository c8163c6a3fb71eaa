import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../platform/messaging';
import { CountryRulesRepository } from '../../infrastructure/country-rules.repository';
import { countryKey, noRulesFor } from '../tax-problems';

export interface DeleteCountryRulesInput {
  readonly country: string;
}

/** `DELETE /tax/countries/:country`: nothing is taxed there from now on (orders keep the tax they were charged). */
@Injectable()
export class DeleteCountryRulesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: CountryRulesRepository,
  ) {}

  async execute(input: DeleteCountryRulesInput): Promise<void> {
    const country = countryKey(input.country);
    if (!(await this.uow.run((tx) => this.rules.delete(tx, country)))) throw noRulesFor(country);
  }
}
