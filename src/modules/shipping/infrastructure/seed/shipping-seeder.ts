import { DataSource } from 'typeorm';
import { ShippingMethod, validateShippingMethod } from '../../domain/shipping-method';
import { validateZone, Zone } from '../../domain/zone';

/** The default zone: the EU and the rest of the EEA, Switzerland and the United Kingdom. */
export const DEFAULT_ZONE: Zone = {
  id: '0190a000-5eed-7000-8000-000000000001',
  name: 'Europe',
  countries: [
    'AT',
    'BE',
    'BG',
    'HR',
    'CY',
    'CZ',
    'DK',
    'EE',
    'FI',
    'FR',
    'DE',
    'GR',
    'HU',
    'IE',
    'IT',
    'LV',
    'LT',
    'LU',
    'MT',
    'NL',
    'PL',
    'PT',
    'RO',
    'SK',
    'SI',
    'ES',
    'SE',
    'IS',
    'LI',
    'NO',
    'CH',
    'GB',
  ],
};

/** The default method: EUR 4.90, free from EUR 50.00 (after discounts, ADR 0106), 2–5 days. */
export const DEFAULT_METHOD: ShippingMethod = {
  id: '0190a000-5eed-7000-8000-000000000002',
  zoneId: DEFAULT_ZONE.id,
  name: 'Standard',
  enabled: true,
  priceRules: [
    {
      kind: 'free_above',
      price: { amount: 490, currency: 'EUR' },
      threshold: { amount: 5000, currency: 'EUR' },
    },
  ],
  estimate: { minDays: 2, maxDays: 5 },
};

/**
 * Makes sure a development shop can ship: the default zone and method (fixed ids). Idempotent and
 * additive: rows that exist are never changed (an admin's edits stay); the method is added only while
 * the default zone has no method at all. Returns whether the method was added now.
 */
export async function seedShipping(db: DataSource): Promise<boolean> {
  const problems = [...validateZone(DEFAULT_ZONE), ...validateShippingMethod(DEFAULT_METHOD)];
  if (problems.length > 0) throw new Error(`The default shipping is invalid: ${JSON.stringify(problems)}`);
  await db.query(`INSERT INTO zones (id, name, countries) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
    DEFAULT_ZONE.id,
    DEFAULT_ZONE.name,
    DEFAULT_ZONE.countries,
  ]);
  const added = (await db.query(
    `INSERT INTO methods (id, zone_id, name, enabled, price_rules, min_days, max_days)
     SELECT $1, $2, $3, $4, $5::jsonb, $6, $7
      WHERE NOT EXISTS (SELECT 1 FROM methods WHERE zone_id = $2)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      DEFAULT_METHOD.id,
      DEFAULT_METHOD.zoneId,
      DEFAULT_METHOD.name,
      DEFAULT_METHOD.enabled,
      JSON.stringify(DEFAULT_METHOD.priceRules),
      DEFAULT_METHOD.estimate.minDays,
      DEFAULT_METHOD.estimate.maxDays,
    ],
  )) as unknown[];
  return added.length > 0;
}
