import { OrderConfirmed } from '../../../orders';
import { Shipment, ShipmentLine } from '../../domain/shipment';

/**
 * What shipping reads of `orders.OrderConfirmed.v1`. Orders carries the line numbers and the address
 * as optional fields (stage 2 of issue 18: additive, still v1), the chosen method not yet; an event
 * published before them has a line's position as its number (orders numbers lines 1… in the order it
 * lists them) and an unknown (null) address and method.
 */
type ConfirmedPayload = Omit<OrderConfirmed['payload'], 'lines'> & {
  readonly lines: readonly (OrderConfirmed['payload']['lines'][number] & { readonly lineNo?: number })[];
  readonly shippingAddress?: Shipment['address'];
  readonly shippingMethod?: Shipment['method'];
};

/** The lines, address and method to ship for a confirmed order. */
export function toShip(event: OrderConfirmed): {
  lines: ShipmentLine[];
  address: Shipment['address'];
  method: Shipment['method'];
} {
  const payload: ConfirmedPayload = event.payload;
  return {
    lines: payload.lines.map((line, i) => ({
      lineNo: line.lineNo ?? i + 1,
      variantId: line.variantId,
      quantity: line.quantity,
    })),
    address: payload.shippingAddress ?? null,
    method: payload.shippingMethod ?? null,
  };
}
