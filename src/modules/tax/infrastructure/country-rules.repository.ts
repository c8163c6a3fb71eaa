import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { CountryTaxRules } from '../domain/tax-rules';
import { affected, queryRows } from '../../../platform/database';

interface CountryRulesRow {
  readonly country: string;
  readonly rates: Record<string, number>;
  readonly shipping_category: string | null;
}

const SELECT = `SELECT country, rates, shipping_category FROM country_rules`;

/** The tax rules of each destination country (`tax.country_rules`). */
@Injectable()
export class CountryRulesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** One country's rules, or undefined. */
  async find(country: string): Promise<CountryTaxRules | undefined> {
    const [row] = await queryRows<CountryRulesRow>(this.uow.reader, `${SELECT} WHERE country = $1`, [country]);
    return row && toRules(row);
  }

  /** A page of countries in code order, after `afterCountry`. */
  async page(limit: number, afterCountry: string | null): Promise<CountryTaxRules[]> {
    const rows = await queryRows<CountryRulesRow>(
      this.uow.reader,
      `${SELECT} WHERE ($1::text IS NULL OR country > $1) ORDER BY country LIMIT $2`,
      [afterCountry, limit],
    );
    return rows.map(toRules);
  }

  /** The country's rules locked for a change in the caller's transaction, or undefined. */
  async lock(tx: Transaction, country: string): Promise<CountryTaxRules | undefined> {
    const [row] = await queryRows<CountryRulesRow>(tx.manager, `${SELECT} WHERE country = $1 FOR UPDATE`, [country]);
    return row && toRules(row);
  }

  /** Inserts new rules; false when the country has rules already. */
  async insert(tx: Transaction, rules: CountryTaxRules): Promise<boolean> {
    const rows = await queryRows<{ country: string }>(
      tx.manager,
      `INSERT INTO country_rules (country, rates, shipping_category) VALUES ($1, $2, $3)
       ON CONFLICT (country) DO NOTHING RETURNING country`,
      [rules.country, JSON.stringify(rules.rates), rules.shippingCategory],
    );
    return rows.length === 1;
  }

  /** Replaces a country's rates and shipping rule. */
  async update(tx: Transaction, rules: CountryTaxRules): Promise<void> {
    await tx.manager.query(
      `UPDATE country_rules SET rates = $2, shipping_category = $3, updated_at = now() WHERE country = $1`,
      [rules.country, JSON.stringify(rules.rates), rules.shippingCategory],
    );
  }

  /** Deletes a country's rules; false when it had none. */
  async delete(tx: Transaction, country: string): Promise<boolean> {
    return (await affected(tx.manager, `DELETE FROM country_rules WHERE country = $1`, [country])) > 0;
  }
}

function toRules(row: CountryRulesRow): CountryTaxRules {
  return { country: row.country, rates: row.rates, shippingCategory: row.shipping_category };
}
