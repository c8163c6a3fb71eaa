import { ShipmentLineSnapshot } from '../../../shipping';

/**
 * How an email names a parcel: the whole order when this parcel completes it (`whole`), else one
 * parcel of it, with the number of items inside (a split order arrives in several parcels).
 */
export function parcelWording(
  whole: boolean,
  lines: readonly ShipmentLineSnapshot[],
): { parcel: string; Parcel: string; items: string } {
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const parcel = whole ? 'your order' : 'a parcel of your order';
  return {
    parcel,
    Parcel: parcel.charAt(0).toUpperCase() + parcel.slice(1),
    items: `${units} ${units === 1 ? 'item' : 'items'}`,
  };
}
