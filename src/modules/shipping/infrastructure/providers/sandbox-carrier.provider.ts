import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { Transaction, UnitOfWork } from '../../../../platform/messaging';
import {
  isJsonObject,
  postSignedDelivery,
  signedJsonDelivery,
  verifiedJsonBody,
  WebhookHeaders,
  WebhookVerificationError,
} from '../../../../platform/webhooks';
import { CarrierProvider, CarrierWebhookEvent } from '../../application/carriers/carrier-provider';
import { Shipment } from '../../domain/shipment';
import { CarrierStatus, parseCarrierStatus } from '../../domain/tracking-events';
import { SHIPPING_CONFIG, ShippingConfig } from '../../shipping.config';
import { queryRows } from '../../../../platform/database';

/** The header the sandbox carrier signs its webhooks in (`t=<unix>,v1=<hex>`, the payments sandbox's scheme). */
export const CARRIER_SIGNATURE_HEADER = 'sandbox-signature';

/** The body of a sandbox tracking webhook. `occurredAt` is epoch ms on the carrier's clock. */
export interface SandboxTrackingBody {
  readonly id: string;
  readonly trackingNumber: string;
  readonly status: CarrierStatus;
  readonly occurredAt: number;
  readonly sequence: number;
  readonly description?: string;
}

/**
 * The built-in test carrier: it issues tracking numbers (`SBX` + 12 digits) at dispatch, reports scans
 * of its parcels when asked (`simulate`: in transit, exception, delivered, each with the parcel's next
 * sequence number), logs them in `sandbox_events` and POSTs them signed to Arcade's own webhook
 * route, retrying undelivered ones on the sweep as a real carrier retries. Off in production unless
 * `SHIPPING_SANDBOX=enabled`.
 */
@Injectable()
export class SandboxCarrierProvider implements CarrierProvider {
  readonly name = 'sandbox';
  private readonly logger = new Logger('SandboxCarrier');
  private delivering: Promise<void> | undefined;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(SHIPPING_CONFIG) private readonly config: ShippingConfig,
  ) {}

  async issueTrackingNumber(tx: Transaction, shipment: Shipment): Promise<string> {
    const number = `SBX${String(randomInt(0, 1e12)).padStart(12, '0')}`;
    await tx.manager.query(`INSERT INTO sandbox_parcels (tracking_number, shipment_id) VALUES ($1, $2)`, [
      number,
      shipment.id,
    ]);
    return number;
  }

  parseWebhook(rawBody: Buffer, headers: WebhookHeaders): CarrierWebhookEvent {
    const body = verifiedJsonBody(
      rawBody,
      headers,
      CARRIER_SIGNATURE_HEADER,
      this.config.sandbox.webhookSecret,
      this.config.webhookToleranceSeconds,
    );
    return wellFormed(body);
  }

  async simulate(
    trackingNumber: string,
    status: CarrierStatus,
    description?: string,
  ): Promise<CarrierWebhookEvent | undefined> {
    const body = await this.uow.run(async (tx) => {
      // An UPDATE … RETURNING answers [rows, count] through TypeORM's pg driver.
      const [[parcel]] = (await tx.manager.query(
        `UPDATE sandbox_parcels SET last_sequence = last_sequence + 1 WHERE tracking_number = $1 RETURNING last_sequence`,
        [trackingNumber],
      )) as [{ last_sequence: number }[], number];
      if (!parcel) return undefined;
      const event: SandboxTrackingBody = {
        id: `evt_sbx_${uuidv7()}`,
        trackingNumber,
        status,
        occurredAt: Date.now(),
        sequence: parcel.last_sequence,
        ...(description ? { description } : {}),
      };
      await tx.manager.query(`INSERT INTO sandbox_events (id, tracking_number, body) VALUES ($1, $2, $3::jsonb)`, [
        uuidv7(),
        trackingNumber,
        JSON.stringify(event),
      ]);
      return event;
    });
    if (body) void this.deliverPending().catch((error: unknown) => this.logger.warn(String(error)));
    return body;
  }

  /** The exact bytes and headers the sandbox sends for an event, signed now (or at `timestamp`). */
  signedDelivery(body: SandboxTrackingBody, timestamp?: number) {
    return signedJsonDelivery(body, CARRIER_SIGNATURE_HEADER, this.config.sandbox.webhookSecret, timestamp);
  }

  /** Events the sandbox reported about one of its parcels, oldest first. */
  async eventsFor(trackingNumber: string): Promise<SandboxTrackingBody[]> {
    const rows = await queryRows<{ body: SandboxTrackingBody }>(
      this.uow.reader,
      `SELECT body FROM sandbox_events WHERE tracking_number = $1 ORDER BY created_at, id`,
      [trackingNumber],
    );
    return rows.map((row) => row.body);
  }

  /** POSTs undelivered events when delivery is on, one pass at a time; failures wait for the next sweep. */
  deliverPending(): Promise<void> {
    if (!this.config.sandbox.webhookDelivery) return Promise.resolve();
    this.delivering ??= this.deliverBacklog().finally(() => (this.delivering = undefined));
    return this.delivering;
  }

  private async deliverBacklog(): Promise<void> {
    const rows = await queryRows<{ id: string; body: SandboxTrackingBody }>(
      this.uow.reader,
      `SELECT id, body FROM sandbox_events WHERE NOT delivered AND attempts < 10 ORDER BY created_at LIMIT 50`,
    );
    for (const row of rows) {
      const delivered = await this.post(row.body);
      await this.uow.reader.query(`UPDATE sandbox_events SET attempts = attempts + 1, delivered = $2 WHERE id = $1`, [
        row.id,
        delivered,
      ]);
    }
  }

  private async post(body: SandboxTrackingBody): Promise<boolean> {
    try {
      return await postSignedDelivery(
        `${this.config.sandbox.publicBaseUrl}/shipping/webhooks/sandbox`,
        this.signedDelivery(body),
      );
    } catch (error) {
      this.logger.warn(`sandbox tracking event ${body.id} not delivered, will retry: ${String(error)}`);
      return false;
    }
  }
}

const MAX_TEXT = 200;

/** The event of a verified body, every field checked (a malformed one is refused like a forged one). */
function wellFormed(body: unknown): CarrierWebhookEvent {
  const bad = (why: string) => new WebhookVerificationError(`The event is malformed: ${why}.`);
  if (!isJsonObject(body)) throw bad('not an object');
  const { id, trackingNumber, status, occurredAt, sequence, description } = body;
  if (typeof id !== 'string' || id.length < 1 || id.length > MAX_TEXT) throw bad('id');
  if (typeof trackingNumber !== 'string' || trackingNumber.length < 1 || trackingNumber.length > MAX_TEXT) {
    throw bad('trackingNumber');
  }
  const carrierStatus = typeof status === 'string' ? parseCarrierStatus(status) : undefined;
  if (!carrierStatus) throw bad('status');
  if (!Number.isSafeInteger(occurredAt) || (occurredAt as number) < 0) throw bad('occurredAt');
  if (!Number.isSafeInteger(sequence) || (sequence as number) < 0) throw bad('sequence');
  if (description !== undefined && (typeof description !== 'string' || description.length > MAX_TEXT)) {
    throw bad('description');
  }
  return {
    id,
    trackingNumber,
    status: carrierStatus,
    occurredAt: occurredAt as number,
    sequence: sequence as number,
    ...(description === undefined ? {} : { description }),
  };
}
