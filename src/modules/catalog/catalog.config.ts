import { Env, readInt } from '../../platform/config';

/** Injection token of {@link CatalogConfig}. */
export const CATALOG_CONFIG = Symbol('CATALOG_CONFIG');

export interface CatalogConfig {
  /** How long a reservation holds units if neither committed nor released. */
  readonly reservationTtlSeconds: number;
  /** How often the expiry sweeper looks for lapsed reservations; 0 turns it off. */
  readonly sweepIntervalMs: number;
  /** `StockLevelLow` is published when a variant's available units fall to or below this. */
  readonly lowStockThreshold: number;
  /** The most units one order line may reserve. */
  readonly maxLineQuantity: number;
  readonly listDefaultLimit: number;
  readonly listMaxLimit: number;
  /**
   * How long a product detail or list page may be served from the in-process read cache; 0 turns
   * it off. This process's own catalog writes empty the cache at once; the age only bounds how
   * long another instance's writes go unseen.
   */
  readonly readCacheTtlMs: number;
  readonly readCacheMaxEntries: number;
}

export function loadCatalogConfig(env: Env): CatalogConfig {
  const listMaxLimit = readInt(env, 'CATALOG_LIST_MAX_LIMIT', 100, 1, 1000);
  return {
    reservationTtlSeconds: readInt(env, 'CATALOG_RESERVATION_TTL_SECONDS', 900, 1, 7 * 86_400),
    sweepIntervalMs: readInt(env, 'CATALOG_RESERVATION_SWEEP_MS', 30_000, 0, 3_600_000),
    lowStockThreshold: readInt(env, 'CATALOG_LOW_STOCK_THRESHOLD', 5, 0, 1_000_000),
    maxLineQuantity: readInt(env, 'CATALOG_MAX_LINE_QUANTITY', 1000, 1, 1_000_000),
    listDefaultLimit: Math.min(readInt(env, 'CATALOG_LIST_DEFAULT_LIMIT', 20, 1, 1000), listMaxLimit),
    listMaxLimit,
    readCacheTtlMs: readInt(env, 'CATALOG_READ_CACHE_TTL_MS', 10_000, 0, 3_600_000),
    readCacheMaxEntries: readInt(env, 'CATALOG_READ_CACHE_MAX_ENTRIES', 20_000, 1, 1_000_000),
  };
}
