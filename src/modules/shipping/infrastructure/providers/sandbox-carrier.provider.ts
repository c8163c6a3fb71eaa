import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { Transaction, UnitOfWork } from '../../../../platform/messaging';
import {
  isJsonObject,
  PendingWebhook,
  postSignedDelivery,
  signedJsonDelivery,
  verifiedJsonBody,
  WebhookBacklog,
  WebhookHeaders,
  WebhookVerificationError,
} from '../../../../platform/webhooks';
import { CarrierProvider, CarrierWebhookEvent } from '../../application/carriers/carrier-provider';
import { Shipment } from '../../domain/shipment';
import { CarrierStatus, parseCarrierStatus } from '../../domain/tracking-events';
import { SHIPPING_CONFIG, ShippingConfig } from '../../shipping.config';
import { queryRows } from '../../../../platform/database';

/** An event is posted at most this many times, then left undelivered (as a carrier gives up). */
const MAX_ATTEMPTS = 10;

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
  private readonly backlog: WebhookBacklog<SandboxTrackingBody>;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(SHIPPING_CONFIG) private readonly config: ShippingConfig,
  ) {
    this.backlog = new WebhookBacklog(
      {
        readPage: (after, limit) => this.readPage(after, limit),
        record: (ids, delivered) => this.record(ids, delivered),
        post: (body) => this.post(body),
      },
      config.sandbox.webhookConcurrency,
      (error) => this.logger.warn(`sandbox tracking events not delivered, the sweep will retry: ${String(error)}`),
    );
  }

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

  /**
   * POSTs undelivered events when delivery is on; a failure is retried on the next pass (at most
   * 10 attempts). A pass ({@link WebhookBacklog}) drains the whole backlog as it stands, up to
   * `webhookConcurrency` POSTs in flight, a parcel's events one after another in the order they
   * were logged (the receiver orders them by sequence anyway); one pass at a time in this process.
   */
  deliverPending(): Promise<void> {
    if (!this.config.sandbox.webhookDelivery) return Promise.resolve();
    return this.backlog.deliverPending();
  }

  /** Events still to be tried, a page oldest first by (created_at, id). */
  private async readPage(
    after: { createdAt: string; id: string } | undefined,
    limit: number,
  ): Promise<PendingWebhook<SandboxTrackingBody>[]> {
    const rows = await queryRows<{
      id: string;
      body: SandboxTrackingBody;
      created_at: string;
      tracking_number: string;
    }>(
      this.uow.reader,
      `SELECT id, body, created_at::text AS created_at, tracking_number
         FROM sandbox_events
        WHERE NOT delivered AND attempts < ${MAX_ATTEMPTS}
          AND ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid))
        ORDER BY created_at, id LIMIT ${limit}`,
      [after?.createdAt ?? null, after?.id ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      body: row.body,
      createdAt: row.created_at,
      partition: row.tracking_number,
    }));
  }

  /** One attempt more for each event of a page, and whether it was delivered, in one statement. */
  private async record(ids: readonly string[], delivered: readonly boolean[]): Promise<void> {
    await this.uow.reader.query(
      `UPDATE sandbox_events AS event SET attempts = event.attempts + 1, delivered = outcome.delivered
         FROM unnest($1::uuid[], $2::boolean[]) AS outcome (id, delivered) WHERE event.id = outcome.id`,
      [ids, delivered],
    );
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
