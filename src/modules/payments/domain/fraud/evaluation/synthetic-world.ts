import { DAY_MS, HOUR_MS } from '../extract-signals';
import { AccountFact, AttemptFact, OrderFact, PaymentMethodFacts } from '../fraud-history';
import { SeededRandom } from './seeded-random';

export type FraudPattern = 'card_testing' | 'account_takeover' | 'reseller' | 'shared_address' | 'friendly_fraud';
/** Legitimate behaviour that the fixed rules mistake for fraud. */
export type LookAlike =
  'big_spender' | 'traveller' | 'gift' | 'expat_card' | 'first_big_buy' | 'mover' | 'parcel_locker';

/** The truth about an attempt, known only to the generator: never a feature. */
export interface AttemptLabel {
  readonly fraud: boolean;
  readonly pattern: FraudPattern | null;
  readonly lookAlike: LookAlike | null;
}

export type HistoryEvent =
  | { readonly kind: 'account'; readonly at: number; readonly account: AccountFact }
  | { readonly kind: 'order'; readonly at: number; readonly order: OrderFact }
  | {
      readonly kind: 'attempt';
      readonly at: number;
      readonly order: OrderFact;
      readonly attempt: AttemptFact;
      readonly label: AttemptLabel;
    };

export const COUNTRIES = ['DE', 'FR', 'NL', 'AT', 'US', 'GB', 'IT', 'ES'];
const COUNTRY_WEIGHTS = [40, 14, 10, 8, 10, 8, 6, 4];
export const COMMON_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'gmx.de',
  'web.de',
  'icloud.com',
  't-online.de',
];
const DOMAIN_WEIGHTS = [40, 15, 9, 11, 9, 8, 8];
/** Orders per hour of day of ordinary shoppers (evening peak, quiet nights). */
const SHOPPER_HOURS = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4.5, 5, 5, 4.5, 4.5, 4.5, 5, 5.5, 6.5, 7.5, 8, 7, 5, 2.5,
];
/** Fraud keeps odd hours more often. */
const FRAUD_HOURS = SHOPPER_HOURS.map((w, hour) => w + (hour < 6 ? 4 : 1.5));

export type Card = PaymentMethodFacts;

export interface Purchase {
  readonly account: AccountFact;
  readonly at: number;
  readonly amount: number;
  readonly resellableShare: number;
  readonly address: string;
  readonly country: string;
  readonly card: Card;
  readonly declined: boolean;
  readonly label: AttemptLabel;
}

export const LEGITIMATE: AttemptLabel = { fraud: false, pattern: null, lookAlike: null };

/** Shared state of one generated history: the random source, id counters and the events so far. */
export class SyntheticWorld {
  readonly events: HistoryEvent[] = [];
  private nextId = 0;

  constructor(
    readonly random: SeededRandom,
    /** Epoch ms where generated history (warm-up included) begins and where it ends. */
    readonly start: number,
    readonly end: number,
  ) {}

  id(prefix: string): string {
    return `${prefix}-${String(++this.nextId).padStart(7, '0')}`;
  }

  country(): string {
    return COUNTRIES[this.random.weighted(COUNTRY_WEIGHTS)];
  }

  otherCountry(than: string): string {
    const others = COUNTRIES.filter((c) => c !== than);
    return this.random.pick(others);
  }

  commonDomain(): string {
    return COMMON_DOMAINS[this.random.weighted(DOMAIN_WEIGHTS)];
  }

  /** A time on the day of `around` at an hour drawn from shoppers' (or fraudsters') habits. */
  atHourOf(around: number, fraud = false): number {
    const day = Math.floor(around / DAY_MS) * DAY_MS;
    const hour = this.random.weighted(fraud ? FRAUD_HOURS : SHOPPER_HOURS);
    return day + hour * HOUR_MS + Math.floor(this.random.next() * HOUR_MS);
  }

  /** A card whose provider signal is fixed for its life; stolen cards are flagged more often. */
  card(country: string, stolen: boolean): Card {
    const level = this.random.weighted(stolen ? [83, 15, 2] : [98.45, 1.5, 0.05]);
    return {
      fingerprint: this.id('fp'),
      cardCountry: country,
      providerRiskLevel: (['normal', 'elevated', 'highest'] as const)[level],
    };
  }

  register(at: number, emailDomain: string): AccountFact {
    const account = { accountId: this.id('acc'), registeredAt: at, emailDomain };
    this.events.push({ kind: 'account', at, account });
    return account;
  }

  /** One order and its payment attempt a few seconds later. Returns the attempt's time. */
  purchase(p: Purchase): number {
    const amount = Math.max(100, Math.round(p.amount));
    const order: OrderFact = {
      orderId: this.id('ord'),
      accountId: p.account.accountId,
      placedAt: p.at,
      amount,
      resellableAmount: Math.round(amount * p.resellableShare),
      shippingAddress: p.address,
      shippingCountry: p.country,
    };
    const at = p.at + 1000 + Math.floor(this.random.next() * 4000);
    const attempt: AttemptFact = {
      ...p.card,
      orderId: order.orderId,
      accountId: p.account.accountId,
      at,
      amount,
      outcome: p.declined ? 'declined' : 'authorized',
    };
    this.events.push({ kind: 'order', at: p.at, order }, { kind: 'attempt', at, order, attempt, label: p.label });
    return at;
  }
}
