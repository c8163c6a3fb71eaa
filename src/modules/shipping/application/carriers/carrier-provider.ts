import { Transaction } from '../../../../platform/messaging';
import { Shipment } from '../../domain/shipment';
import { TrackingEvent } from '../../domain/tracking-events';

/** Injection token of the carriers this process has (`CarrierProvider[]`). */
export const CARRIER_PROVIDERS = Symbol('CARRIER_PROVIDERS');

/** A verified carrier webhook: its event id (the receipt's key) and the tracking event it reports. */
export interface CarrierWebhookEvent extends TrackingEvent {
  readonly id: string;
}

/**
 * A carrier Arcade talks to. `sandbox` is built in (infrastructure/providers); a real carrier is an
 * adapter of this interface. Parcels dispatched with a carrier that is not a provider (a name typed by
 * the warehouse) need a tracking number from the warehouse and get no webhooks.
 */
export interface CarrierProvider {
  /** As in the webhook URL (`/shipping/webhooks/<name>`) and in `shipment.carrier`. */
  readonly name: string;
  /** Registers a parcel being dispatched and returns its tracking number, in the dispatch's transaction. */
  issueTrackingNumber(tx: Transaction, shipment: Shipment): Promise<string>;
  /**
   * Verifies a webhook over its raw bytes (signature, timestamp tolerance) and reads its event.
   *
   * @throws WebhookVerificationError (platform/webhooks) when forged, stale or malformed.
   */
  parseWebhook(rawBody: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>): CarrierWebhookEvent;
  /** Sends what the carrier owes Arcade (the sandbox's pending webhooks); called by the sweeper. */
  deliverPending?(): Promise<void>;
  /**
   * Makes the carrier report a scan of one of its parcels (the sandbox only: a test and demo tool).
   * Undefined when the parcel is not the carrier's.
   */
  simulate?(
    trackingNumber: string,
    status: TrackingEvent['status'],
    description?: string,
  ): Promise<CarrierWebhookEvent | undefined>;
}
