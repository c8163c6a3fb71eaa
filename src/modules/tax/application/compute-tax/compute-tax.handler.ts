import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ComputeTax, TaxComputation } from '../../contracts';
import { taxCart } from '../../domain/line-tax';
import { CountryRulesRepository } from '../../infrastructure/country-rules.repository';
import { TAX_CONFIG, TaxConfig } from '../../tax.config';
import { checkedTaxInput } from './tax-input';

/**
 * `tax.ComputeTax`: the tax of each line and of shipping, by the destination's rules (the default
 * country's when none is given; nothing taxed for a country without rules) and the store's price mode.
 */
@QueryHandler(ComputeTax)
export class ComputeTaxHandler implements IQueryHandler<ComputeTax> {
  constructor(
    private readonly rules: CountryRulesRepository,
    @Inject(TAX_CONFIG) private readonly config: TaxConfig,
  ) {}

  async execute(query: ComputeTax): Promise<TaxComputation> {
    const input = checkedTaxInput(query);
    const country = input.country ?? this.config.defaultCountry;
    const rules = country === null ? undefined : await this.rules.find(country);
    const mode = this.config.priceMode;
    const tax = taxCart(rules ?? null, mode, input.lines, input.shipping);
    const money = (amount: number) => ({ amount, currency: input.currency });
    const lines = tax.lines.map((line) => ({ lineId: line.lineId, ratePpm: line.ratePpm, tax: money(line.tax) }));
    const taxTotal = lines.reduce((sum, line) => sum + line.tax.amount, tax.shipping.tax);
    return {
      priceMode: mode,
      taxIncluded: mode === 'tax-inclusive',
      country,
      countryHasRules: rules !== undefined,
      lines,
      shipping: { ratePpm: tax.shipping.ratePpm, tax: money(tax.shipping.tax) },
      taxTotal: money(taxTotal),
    };
  }
}
