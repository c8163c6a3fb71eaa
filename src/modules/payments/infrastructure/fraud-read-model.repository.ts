import { Injectable } from '@nestjs/common';
import { isUuid } from '../../../platform/ids';
import { minorUnits, Transaction, UnitOfWork } from '../../../platform/messaging';
import { DAY_MS } from '../domain/fraud/extract-signals';
import { FraudHistory } from '../domain/fraud/fraud-history';
import { PaymentStatus } from '../domain/payment-status';

/** How many earlier attempts per account, card and address the signals look at (newest first). */
const HISTORY_LIMIT = 500;
/** How far back an address counts its accounts (extractSignals' default). */
const ADDRESS_WINDOW_MS = 30 * DAY_MS;

interface AttemptRow {
  readonly payment_id: string;
  readonly order_id: string;
  readonly account_id: string;
  readonly assessed_at: Date;
  readonly amount: string;
  readonly resellable_amount: string;
  readonly fingerprint: string;
  readonly card_country: string | null;
  readonly provider_risk_level: 'normal' | 'elevated' | 'highest';
  readonly shipping_address_hash: string;
  readonly shipping_country: string;
  readonly status: PaymentStatus;
}

/** What the history of one attempt is gathered around. */
export interface HistoryKeys {
  readonly accountId: string;
  readonly fingerprint: string;
  readonly shippingAddressHash: string;
  /** The attempt's time: only facts strictly before it are read. */
  readonly at: Date;
}

/**
 * Payments' fraud read model: accounts (from accounts.UserRegistered), products' categories (from
 * catalog.ProductPublished) and payments' own assessed attempts. `historyAround` gathers what one
 * attempt's signals need into a {@link FraudHistory}, so the SQL side never re-implements
 * `extractSignals` (the reference semantics, shared with the offline evaluation).
 */
@Injectable()
export class FraudReadModelRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Records an account's registration (its e-mail domain only). A repeat changes nothing. */
  async recordAccount(tx: Transaction, accountId: string, registeredAt: Date, emailDomain: string): Promise<void> {
    await tx.manager.query(
      `INSERT INTO fraud_accounts (account_id, registered_at, email_domain) VALUES ($1, $2, $3)
       ON CONFLICT (account_id) DO NOTHING`,
      [accountId, registeredAt, emailDomain.toLowerCase()],
    );
  }

  /** Records (or replaces) a product's categories. */
  async recordProduct(tx: Transaction, productId: string, categoryIds: readonly string[]): Promise<void> {
    await tx.manager.query(
      `INSERT INTO fraud_products (product_id, category_ids) VALUES ($1, $2)
       ON CONFLICT (product_id) DO UPDATE SET category_ids = EXCLUDED.category_ids, updated_at = now()`,
      [productId, categoryIds],
    );
  }

  /** The categories of the given products (unknown products are absent). */
  async categoriesOf(tx: Transaction, productIds: readonly string[]): Promise<Map<string, string[]>> {
    const ids = productIds.filter(isUuid);
    if (ids.length === 0) return new Map();
    const rows = (await tx.manager.query(
      `SELECT product_id, category_ids FROM fraud_products WHERE product_id = ANY($1::uuid[])`,
      [ids],
    )) as { product_id: string; category_ids: string[] }[];
    return new Map(rows.map((row) => [row.product_id, row.category_ids]));
  }

  /**
   * The facts one attempt's signals are computed from: the account's earlier attempts, the card's
   * and the address's (last 30 days), the account's registration, and one other account of the
   * same e-mail domain registered earlier (if any). At most {@link HISTORY_LIMIT} of each, newest.
   */
  async historyAround(tx: Transaction, keys: HistoryKeys): Promise<FraudHistory> {
    const columns = `a.payment_id, a.order_id, a.account_id, a.assessed_at, a.amount, a.resellable_amount,
      a.fingerprint, a.card_country, a.provider_risk_level, a.shipping_address_hash, a.shipping_country, p.status`;
    const from = `FROM fraud_assessments a JOIN payments p ON p.id = a.payment_id`;
    const attempts = (await tx.manager.query(
      `(SELECT ${columns} ${from} WHERE a.account_id = $1 AND a.assessed_at < $4 ORDER BY a.assessed_at DESC LIMIT $6)
       UNION
       (SELECT ${columns} ${from} WHERE a.fingerprint = $2 AND a.assessed_at < $4 ORDER BY a.assessed_at DESC LIMIT $6)
       UNION
       (SELECT ${columns} ${from} WHERE a.shipping_address_hash = $3 AND a.assessed_at < $4 AND a.assessed_at >= $5
        ORDER BY a.assessed_at DESC LIMIT $6)`,
      [
        keys.accountId,
        keys.fingerprint,
        keys.shippingAddressHash,
        keys.at,
        new Date(keys.at.getTime() - ADDRESS_WINDOW_MS),
        HISTORY_LIMIT,
      ],
    )) as AttemptRow[];
    const accounts = (await tx.manager.query(
      `SELECT me.account_id, me.registered_at, me.email_domain, other.account_id AS other_id,
              other.registered_at AS other_registered_at
       FROM fraud_accounts me
       LEFT JOIN LATERAL (
         SELECT account_id, registered_at FROM fraud_accounts o
         WHERE o.email_domain = me.email_domain AND o.account_id <> me.account_id AND o.registered_at < $2
         LIMIT 1
       ) other ON true
       WHERE me.account_id = $1`,
      [keys.accountId, keys.at],
    )) as {
      account_id: string;
      registered_at: Date;
      email_domain: string;
      other_id: string | null;
      other_registered_at: Date | null;
    }[];
    return toHistory(attempts, accounts[0]);
  }
}

function toHistory(
  attempts: readonly AttemptRow[],
  account:
    | {
        account_id: string;
        registered_at: Date;
        email_domain: string;
        other_id: string | null;
        other_registered_at: Date | null;
      }
    | undefined,
): FraudHistory {
  const history = new FraudHistory();
  if (account) {
    history.addAccount({
      accountId: account.account_id,
      registeredAt: account.registered_at.getTime(),
      emailDomain: account.email_domain,
    });
    if (account.other_id && account.other_registered_at) {
      history.addAccount({
        accountId: account.other_id,
        registeredAt: account.other_registered_at.getTime(),
        emailDomain: account.email_domain,
      });
    }
  }
  for (const row of attempts) {
    const at = row.assessed_at.getTime();
    const amount = minorUnits(row.amount);
    history.addOrder({
      orderId: row.order_id,
      accountId: row.account_id,
      placedAt: at,
      amount,
      resellableAmount: minorUnits(row.resellable_amount),
      shippingAddress: row.shipping_address_hash,
      shippingCountry: row.shipping_country,
    });
    history.addAttempt({
      orderId: row.order_id,
      accountId: row.account_id,
      at,
      amount,
      fingerprint: row.fingerprint,
      cardCountry: row.card_country,
      providerRiskLevel: row.provider_risk_level,
      outcome: row.status === 'declined' ? 'declined' : 'authorized',
    });
    // Still with the provider: neither paid nor declined yet.
    if (row.status === 'pending') history.paidAt.delete(row.order_id);
  }
  return history;
}
