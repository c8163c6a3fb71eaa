import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, Page } from '../../../../platform/http';
import { CountryTaxRules } from '../../domain/tax-rules';
import { CountryRulesRepository } from '../../infrastructure/country-rules.repository';

export interface ListCountryRulesInput {
  readonly limit?: number;
  readonly cursor?: string;
}

const DEFAULT_PAGE_SIZE = 50;

/** `GET /tax/countries`: every country's rules in code order, keyset-paginated. */
@Injectable()
export class ListCountryRulesUseCase {
  constructor(private readonly rules: CountryRulesRepository) {}

  async execute(input: ListCountryRulesInput): Promise<Page<CountryTaxRules>> {
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    const after =
      input.cursor === undefined ? null : (decodeCursor(input.cursor, { country: 'string' }).country as string);
    const rows = await this.rules.page(limit + 1, after);
    const items = rows.slice(0, limit);
    return {
      items,
      nextCursor: rows.length > limit ? encodeCursor({ country: items[items.length - 1].country }) : null,
    };
  }
}
