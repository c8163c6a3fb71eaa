import { RiskInput } from '../risk-assessment';

/** From `accounts.UserRegistered`: the account and its e-mail domain (never the address). */
export interface AccountFact {
  readonly accountId: string;
  /** Epoch ms. */
  readonly registeredAt: number;
  /** Lower-case domain part of the e-mail, e.g. `gmail.com`. */
  readonly emailDomain: string;
}

/** From `orders.OrderPlaced` (plus payments' resellable-product flags from catalog events). */
export interface OrderFact {
  readonly orderId: string;
  readonly accountId: string;
  /** Epoch ms. */
  readonly placedAt: number;
  /** Order total, minor units. */
  readonly amount: number;
  /** Minor units of the total spent on resellable high-value goods (0..amount). */
  readonly resellableAmount: number;
  /** A stable hash of the normalised shipping address; the text never reaches payments. */
  readonly shippingAddress: string;
  /** ISO 3166 alpha-2. */
  readonly shippingCountry: string;
}

/** What is known about a payment method at the risk check, before the provider is asked to authorize. */
export interface PaymentMethodFacts {
  /** The provider's fingerprint of the card: the same card gives the same value across accounts. */
  readonly fingerprint: string;
  /** Issuing country, ISO 3166 alpha-2, when the provider tells it. */
  readonly cardCountry: string | null;
  readonly providerRiskLevel: RiskInput['providerRiskLevel'];
}

/** Payments' own record of an attempt (one per order in Arcade) and how it ended. */
export interface AttemptFact extends PaymentMethodFacts {
  readonly orderId: string;
  readonly accountId: string;
  /** Epoch ms of the risk check. */
  readonly at: number;
  readonly amount: number;
  /** `declined` covers the provider's declines and the risk check's blocks. */
  readonly outcome: 'authorized' | 'declined';
}

/** The attempt being scored: its order and payment method, and when it happens. */
export interface AttemptContext extends PaymentMethodFacts {
  readonly order: OrderFact;
  /** Epoch ms of the risk check. */
  readonly at: number;
}

/**
 * Payments' fraud read model, in memory: the facts above indexed by account, card fingerprint,
 * shipping address and e-mail domain. Facts may be added in any order; every question asked of it
 * (`extractSignals`) looks only at facts strictly before the attempt, so replaying a history in
 * time order gives the features the live system would have computed, with no look-ahead.
 */
export class FraudHistory {
  readonly accounts = new Map<string, AccountFact>();
  readonly accountsByEmailDomain = new Map<string, AccountFact[]>();
  readonly ordersByAccount = new Map<string, OrderFact[]>();
  readonly ordersByAddress = new Map<string, OrderFact[]>();
  readonly attemptsByAccount = new Map<string, AttemptFact[]>();
  readonly attemptsByFingerprint = new Map<string, AttemptFact[]>();
  /** Order id → time its payment was authorized. */
  readonly paidAt = new Map<string, number>();

  addAccount(fact: AccountFact): this {
    this.accounts.set(fact.accountId, fact);
    push(this.accountsByEmailDomain, fact.emailDomain.toLowerCase(), fact);
    return this;
  }

  addOrder(fact: OrderFact): this {
    push(this.ordersByAccount, fact.accountId, fact);
    push(this.ordersByAddress, fact.shippingAddress, fact);
    return this;
  }

  addAttempt(fact: AttemptFact): this {
    push(this.attemptsByAccount, fact.accountId, fact);
    push(this.attemptsByFingerprint, fact.fingerprint, fact);
    if (fact.outcome === 'authorized') this.paidAt.set(fact.orderId, fact.at);
    return this;
  }
}

function push<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}
