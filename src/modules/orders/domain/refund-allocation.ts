import { DomainError } from '../../../platform/errors';
import { multiplyExactly, sumMinorUnits } from '../../../platform/money';

/**
 * An order line as paid, from the order's totals breakdown (integer minor units, one currency):
 * the customer paid `amount − discount + (taxIncluded ? 0 : tax)` for its `quantity` units.
 */
export interface PaidLine {
  readonly lineId: string;
  readonly quantity: number;
  /** Unit price × quantity before the discount. */
  readonly amount: number;
  readonly discount: number;
  readonly tax: number;
  readonly taxIncluded: boolean;
}

/** What refunding some units of a line pays back, shaped like a breakdown part. */
export interface UnitsRefund {
  readonly lineId: string;
  readonly units: number;
  /** What is paid back: the discounted, taxed amount of these units. */
  readonly total: number;
  /** Of which tax (for the tax report's correction). */
  readonly tax: number;
  /** The share of the line's discount these units carried (not paid back; what the customer saved). */
  readonly discount: number;
  /** The units' share before the discount: `total = amount − discount + (taxIncluded ? 0 : tax)`. */
  readonly amount: number;
}

/** Units that cannot be refunded: not a positive whole number, or more than the line has left. */
export class RefundRuleViolation extends DomainError<'invalid-units' | 'refund-exceeds-quantity'> {
  override name = 'RefundRuleViolation';
}

/**
 * The part of `whole` carried by the first `units` of `quantity` units: `floor(whole / quantity)` per
 * unit, and the remainder on the last unit, so the part for all units is exactly `whole`.
 */
function firstUnitsShare(whole: number, units: number, quantity: number): number {
  if (units === quantity) return whole;
  return multiplyExactly(units, Math.floor(whole / quantity));
}

/**
 * What refunding `units` more units of a line pays back, when `refundedUnits` were refunded before.
 * The line's paid amount is split in two parts that are never negative — the net (after discount,
 * without tax) and the tax — and each part is refunded at `floor(part / quantity)` per unit, with its
 * remainder on the unit that completes the line. So however a line is refunded (all at once, unit by
 * unit, in any chunks), each refund is the difference of two cumulative shares: refunds never add up
 * to more than was paid, and refunding every unit adds up to exactly what was paid.
 * Example: 3 × 10.00, 5.00 off, 19 % tax on 25.00 = 4.75; paid 29.75 = net 25.00 + tax 4.75.
 * Per unit: net 8.33 and tax 1.58 → 9.91; the third unit gets the remainders: 8.34 + 1.59 = 9.93.
 * @throws RefundRuleViolation `invalid-units` for a count that is not a positive integer (or a
 *   negative `refundedUnits`), `refund-exceeds-quantity` when more units would be refunded than the line has.
 */
export function refundUnits(line: PaidLine, refundedUnits: number, units: number): UnitsRefund {
  if (!Number.isSafeInteger(units) || units < 1 || !Number.isSafeInteger(refundedUnits) || refundedUnits < 0) {
    throw new RefundRuleViolation('invalid-units', `Cannot refund ${units} unit(s) after ${refundedUnits}`);
  }
  if (refundedUnits + units > line.quantity) {
    throw new RefundRuleViolation(
      'refund-exceeds-quantity',
      `Line ${line.lineId} has ${line.quantity} unit(s), ${refundedUnits} already refunded; ${units} more is too many`,
    );
  }
  const net = sumMinorUnits([line.amount, -line.discount, line.taxIncluded ? -line.tax : 0]);
  const between = (whole: number) =>
    firstUnitsShare(whole, refundedUnits + units, line.quantity) - firstUnitsShare(whole, refundedUnits, line.quantity);
  const netBack = between(net);
  const tax = between(line.tax);
  const discount = between(line.discount);
  const total = netBack + tax;
  return {
    lineId: line.lineId,
    units,
    total,
    tax,
    discount,
    amount: total + discount - (line.taxIncluded ? 0 : tax),
  };
}
