import { Inject, Injectable } from '@nestjs/common';
import { PriceMode } from '../../domain/tax-rules';
import { TAX_CONFIG, TaxConfig } from '../../tax.config';

/** The store's tax settings as shown to admins. */
export interface TaxSettings {
  readonly priceMode: PriceMode;
  readonly defaultCountry: string | null;
}

/** `GET /tax/settings`: the price mode and default country this process runs with (settings, not data). */
@Injectable()
export class ViewTaxSettingsUseCase {
  constructor(@Inject(TAX_CONFIG) private readonly config: TaxConfig) {}

  execute(): TaxSettings {
    return { priceMode: this.config.priceMode, defaultCountry: this.config.defaultCountry };
  }
}
