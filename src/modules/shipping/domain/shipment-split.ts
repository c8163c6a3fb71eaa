import { FieldError, ShippingDomainError } from './shipping-domain-error';
import { Shipment, ShipmentLine } from './shipment';

/** How many units of one line of a shipment to move into the new shipment. */
export interface SplitLine {
  readonly lineNo: number;
  readonly quantity: number;
}

/**
 * Moves some units of a pending shipment into a new pending shipment (same order, address, method):
 * a split never creates or loses a unit, so every ordered unit stays in exactly one live shipment.
 * Lines left with 0 units drop out of `remaining`; the new shipment keeps `take`'s line order.
 *
 * @throws ShippingDomainError `shipment-not-splittable` (→ 409) unless the shipment is `pending`;
 *   `invalid-shipment-change` (details.errors by `lines[i]`) for nothing to take, a line not in the
 *   shipment or named twice, a quantity that is not a positive integer or exceeds the line's, or a
 *   split that would take every unit (leaving an empty shipment).
 */
export function splitShipment(
  source: Shipment,
  take: readonly SplitLine[],
  newId: string,
): { remaining: Shipment; created: Shipment } {
  if (source.status !== 'pending') {
    throw new ShippingDomainError('shipment-not-splittable', `A ${source.status} shipment cannot be split.`, {
      shipmentId: source.id,
      status: source.status,
    });
  }
  const errors: FieldError[] = take.length === 0 ? [{ field: 'lines', message: 'name the units to move' }] : [];
  const taken = new Map<number, number>();
  take.forEach((line, i) => {
    const has = source.lines.find((l) => l.lineNo === line.lineNo);
    if (!has || taken.has(line.lineNo)) {
      errors.push({ field: `lines[${i}].lineNo`, message: `line ${line.lineNo} is not (again) in this shipment` });
    } else if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > has.quantity) {
      errors.push({ field: `lines[${i}].quantity`, message: `must be an integer from 1 to ${has.quantity}` });
    }
    taken.set(line.lineNo, line.quantity);
  });
  if (errors.length === 0 && source.lines.every((line) => taken.get(line.lineNo) === line.quantity)) {
    errors.push({ field: 'lines', message: 'a split must leave at least one unit in the shipment' });
  }
  if (errors.length > 0) {
    throw new ShippingDomainError('invalid-shipment-change', 'The split is invalid.', {
      errors,
      shipmentId: source.id,
    });
  }
  const remaining: ShipmentLine[] = source.lines
    .map((line) => ({ ...line, quantity: line.quantity - (taken.get(line.lineNo) ?? 0) }))
    .filter((line) => line.quantity > 0);
  const moved: ShipmentLine[] = take.map(({ lineNo, quantity }) => {
    const { variantId } = source.lines.find((line) => line.lineNo === lineNo)!;
    return { lineNo, variantId, quantity };
  });
  return { remaining: { ...source, lines: remaining }, created: { ...source, id: newId, lines: moved } };
}

/** Units per order line across the shipments that are not cancelled (lineNo → units). */
export function allocatedUnits(shipments: readonly Shipment[]): Map<number, number> {
  const units = new Map<number, number>();
  for (const shipment of shipments) {
    if (shipment.status === 'cancelled') continue;
    for (const line of shipment.lines) units.set(line.lineNo, (units.get(line.lineNo) ?? 0) + line.quantity);
  }
  return units;
}
