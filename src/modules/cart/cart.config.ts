import { ConfigError, Env, readInt, readString } from '../../platform/config';

/** The cart module's settings (documented in docs/modules/cart.md). */
export interface CartConfig {
  /** A line's price snapshot older than this is checked with catalog when the cart is read. */
  readonly priceMaxAgeSeconds: number;
  /** A guest cart untouched for this long is gone (404), and the sweeper deletes it. */
  readonly guestCartTtlHours: number;
  /** How often the sweeper deletes expired guest carts (0 turns it off). */
  readonly sweepIntervalSeconds: number;
  /** Currency of an empty cart's totals. */
  readonly defaultCurrency: string;
}

export const CART_CONFIG = Symbol('CART_CONFIG');

export function loadCartConfig(env: Env): CartConfig {
  return {
    priceMaxAgeSeconds: readInt(env, 'CART_PRICE_MAX_AGE_SECONDS', 300, 0, 86_400),
    guestCartTtlHours: readInt(env, 'GUEST_CART_TTL_HOURS', 24 * 7, 1, 24 * 365),
    sweepIntervalSeconds: readInt(env, 'CART_SWEEP_INTERVAL_SECONDS', 600, 0, 86_400),
    defaultCurrency: readCurrency(env),
  };
}

function readCurrency(env: Env): string {
  const value = readString(env, 'CART_DEFAULT_CURRENCY', 'EUR');
  if (!/^[A-Z]{3}$/.test(value)) {
    throw new ConfigError('CART_DEFAULT_CURRENCY', `must be an ISO 4217 code such as EUR (got "${value}")`);
  }
  return value;
}
