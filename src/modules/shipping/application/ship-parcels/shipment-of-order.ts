import { ProblemException } from '../../../../platform/http';
import { Shipment } from '../../domain/shipment';

/** The shipment among an order's, or a 404 (the caller found its order by the shipment's id). */
export function shipmentIn(shipments: readonly Shipment[], id: string): Shipment {
  const shipment = shipments.find((s) => s.id === id);
  if (!shipment) throw ProblemException.notFound('Shipment');
  return shipment;
}
