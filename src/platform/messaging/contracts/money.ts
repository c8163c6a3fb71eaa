/** An amount of money: an integer of minor units (cents) and an ISO 4217 currency code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}
