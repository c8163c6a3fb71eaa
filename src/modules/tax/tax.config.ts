import isISO31661Alpha2 from 'validator/lib/isISO31661Alpha2';
import { ConfigError, Env, readEnum, readString } from '../../platform/config';
import { PriceMode } from './domain/tax-rules';

/** Injection token of {@link TaxConfig}. */
export const TAX_CONFIG = Symbol('TAX_CONFIG');

/** Settings of the tax module (docs/modules/tax.md#settings). */
export interface TaxConfig {
  /** How the store's prices are configured: `tax-exclusive` (net, tax added) or `tax-inclusive` (gross). */
  readonly priceMode: PriceMode;
  /** ISO 3166-1 alpha-2: the country a cart without an address is taxed for (an estimate); null: none. */
  readonly defaultCountry: string | null;
}

/** Reads the tax settings; a ConfigError (one line naming the variable) when malformed. */
export function loadTaxConfig(env: Env): TaxConfig {
  const defaultCountry = readString(env, 'TAX_DEFAULT_COUNTRY')?.trim() || null;
  if (defaultCountry !== null && !(/^[A-Z]{2}$/.test(defaultCountry) && isISO31661Alpha2(defaultCountry))) {
    throw new ConfigError('TAX_DEFAULT_COUNTRY', 'must be an upper-case ISO 3166-1 alpha-2 code such as DE');
  }
  return {
    priceMode: readEnum(env, 'TAX_PRICE_MODE', ['tax-exclusive', 'tax-inclusive'], 'tax-exclusive'),
    defaultCountry,
  };
}
