import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The price table's shipped defaults (`source = 'default'`; an admin row always wins over them).
 * USD list prices per 1M tokens as the providers published them on their pricing pages, read
 * 2026-11; micro-units per 1M tokens (ADR 0105: $0.15 = 150 000). Check them before relying on
 * them: prices change, and a new price is a new row with a later `effective_from`, never an edit.
 * Columns: name, pattern, input, cached input, cache write, output.
 */
const DEFAULTS: readonly [string, string, number, number | null, number | null, number][] = [
  ['gpt-4o', '^gpt-4o(-\\d{4}-\\d{2}-\\d{2})?$', 2_500_000, 1_250_000, null, 10_000_000],
  ['gpt-4o-mini', '^gpt-4o-mini(-\\d{4}-\\d{2}-\\d{2})?$', 150_000, 75_000, null, 600_000],
  ['gpt-4.1', '^gpt-4\\.1(-\\d{4}-\\d{2}-\\d{2})?$', 2_000_000, 500_000, null, 8_000_000],
  ['gpt-4.1-mini', '^gpt-4\\.1-mini(-\\d{4}-\\d{2}-\\d{2})?$', 400_000, 100_000, null, 1_600_000],
  ['gpt-4.1-nano', '^gpt-4\\.1-nano(-\\d{4}-\\d{2}-\\d{2})?$', 100_000, 25_000, null, 400_000],
  ['o4-mini', '^o4-mini(-\\d{4}-\\d{2}-\\d{2})?$', 1_100_000, 275_000, null, 4_400_000],
  ['claude-sonnet-4', '^claude-sonnet-4(-[0-9]+)*(-latest)?$', 3_000_000, 300_000, 3_750_000, 15_000_000],
  ['claude-3-5-haiku', '^claude-3-5-haiku(-\\d{8})?(-latest)?$', 800_000, 80_000, 1_000_000, 4_000_000],
];

export class SeedDefaultModelPrices1766200000001 implements MigrationInterface {
  name = 'SeedDefaultModelPrices1766200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [index, [name, pattern, input, cached, cacheWrite, output]] of DEFAULTS.entries()) {
      await queryRunner.query(
        `INSERT INTO model_prices (id, model_name, match_pattern, effective_from, currency, input_micros, output_micros,
           cached_input_micros, cache_write_micros, source, note)
         VALUES ($1, $2, $3, '2024-01-01T00:00:00Z', 'USD', $4, $5, $6, $7, 'default', 'provider list price, read 2026-11')`,
        [
          `01900000-0000-7000-8000-${String(index + 1).padStart(12, '0')}`,
          name,
          pattern,
          input,
          output,
          cached,
          cacheWrite,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM model_prices WHERE source = 'default'`);
  }
}
