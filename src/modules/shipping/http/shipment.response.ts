import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../../platform/http';
import { CarrierWebhookEvent } from '../application/carriers/carrier-provider';
import { TrackingReceipt } from '../application/receive-tracking/receive-tracking-webhook.use-case';
import { Shipment } from '../domain/shipment';
import { CarrierStatus } from '../domain/tracking-events';
import { SHIPMENT_STATUSES } from './shipment.dto';

/** Some units of one order line. */
export class ShipmentLineResponse {
  @ApiProperty({ example: 1 }) readonly lineNo: number;
  @ApiProperty({ format: 'uuid' }) readonly variantId: string;
  @ApiProperty({ example: 2 }) readonly quantity: number;
}

/** Where the parcel goes. */
export class ShippingAddressResponse {
  @ApiProperty() readonly name: string;
  @ApiProperty() readonly line1: string;
  @ApiPropertyOptional({ type: String, nullable: true }) readonly line2?: string | null;
  @ApiProperty() readonly city: string;
  @ApiProperty() readonly postalCode: string;
  @ApiProperty({ example: 'DE' }) readonly country: string;
}

/** The method the customer chose. */
export class ShipmentMethodResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'Standard' }) readonly name: string;
}

/** A parcel of some units of one order. */
export class ShipmentResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly orderId: string;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) readonly status: string;
  @ApiProperty({ type: [ShipmentLineResponse] }) readonly lines: readonly ShipmentLineResponse[];
  @ApiProperty({ type: ShippingAddressResponse, nullable: true, description: 'Null until orders carries it (stage 2)' })
  readonly address: ShippingAddressResponse | null;
  @ApiProperty({ type: ShipmentMethodResponse, nullable: true }) readonly method: ShipmentMethodResponse | null;
  @ApiProperty({ type: String, nullable: true, example: 'sandbox' }) readonly carrier: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'SBX000000000042' }) readonly trackingNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly exceptionReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly packedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly dispatchedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly deliveredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly cancelledAt: string | null;
}

export const ShipmentPage = PageOf(ShipmentResponse);

/** What a carrier webhook did. */
export class TrackingReceiptResponse implements TrackingReceipt {
  @ApiProperty({ enum: [true] }) readonly received: true;
  @ApiProperty() readonly duplicate: boolean;
  @ApiProperty({
    type: String,
    enum: ['applied', 'duplicate', 'stale', 'after_delivery', 'not_dispatched', 'unknown_parcel'],
  })
  readonly outcome: TrackingReceipt['outcome'];
}

/** A scan the sandbox carrier reported (and posts, signed, to `/shipping/webhooks/sandbox`). */
export class CarrierEventResponse implements CarrierWebhookEvent {
  @ApiProperty() readonly id: string;
  @ApiProperty() readonly trackingNumber: string;
  @ApiProperty({ type: String, enum: ['in_transit', 'exception', 'delivered'] }) readonly status: CarrierStatus;
  @ApiProperty({ description: 'Epoch milliseconds' }) readonly occurredAt: number;
  @ApiProperty() readonly sequence: number;
  @ApiPropertyOptional() readonly description?: string;
}

/** The answer for a shipment: its documented fields, times as ISO strings (the carrier mark stays inside). */
export function toShipmentResponse(s: Shipment): ShipmentResponse {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: s.id,
    orderId: s.orderId,
    status: s.status,
    lines: s.lines,
    address: s.address,
    method: s.method,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    exceptionReason: s.exceptionReason,
    packedAt: iso(s.packedAt),
    dispatchedAt: iso(s.dispatchedAt),
    deliveredAt: iso(s.deliveredAt),
    cancelledAt: iso(s.cancelledAt),
  };
}
