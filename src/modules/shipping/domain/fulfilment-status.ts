import { OUT_OF_WAREHOUSE, Shipment } from './shipment';

/** How far an order's goods have gone, as shipping derives it; `null` is "none has left yet". */
export type OrderFulfilment = 'partially_shipped' | 'shipped' | 'delivered';

/** The order of fulfilment: an order only ever moves up it (see `fulfilmentRank`). */
const RANK: Readonly<Record<OrderFulfilment, number>> = { partially_shipped: 1, shipped: 2, delivered: 3 };

/** 0 for `null` (nothing out), then partially_shipped 1, shipped 2, delivered 3. */
export function fulfilmentRank(fulfilment: OrderFulfilment | null): number {
  return fulfilment === null ? 0 : RANK[fulfilment];
}

/**
 * The order's fulfilment from its shipments, counted in units per order line (ADR 0106):
 *
 * - no unit out of the warehouse → `null` (the order keeps its status, e.g. `confirmed`);
 * - every ordered unit delivered → `delivered`;
 * - every ordered unit out (`dispatched`, `in_transit`, `exception` or `delivered`) → `shipped`;
 * - otherwise → `partially_shipped` — including "some delivered, some still in the warehouse": the
 *   order is not done while goods wait to leave, and `delivered` means the customer has everything.
 *
 * A shipment in `exception` counts as out (it left; it may still arrive). Cancelled shipments count
 * for nothing. Given the lifecycle's legal moves, the result only ever moves up `fulfilmentRank`.
 *
 * @param ordered the order's lines (lineNo, ordered quantity)
 */
export function orderFulfilment(
  ordered: readonly { readonly lineNo: number; readonly quantity: number }[],
  shipments: readonly Shipment[],
): OrderFulfilment | null {
  const out = new Map<number, number>();
  const delivered = new Map<number, number>();
  for (const shipment of shipments) {
    if (!OUT_OF_WAREHOUSE.has(shipment.status)) continue;
    for (const line of shipment.lines) {
      out.set(line.lineNo, (out.get(line.lineNo) ?? 0) + line.quantity);
      if (shipment.status === 'delivered') {
        delivered.set(line.lineNo, (delivered.get(line.lineNo) ?? 0) + line.quantity);
      }
    }
  }
  if (out.size === 0) return null;
  const all = (units: Map<number, number>) => ordered.every((line) => (units.get(line.lineNo) ?? 0) >= line.quantity);
  if (all(delivered)) return 'delivered';
  if (all(out)) return 'shipped';
  return 'partially_shipped';
}
