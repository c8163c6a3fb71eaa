import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  PendingWebhook,
  postSignedDelivery,
  signedJsonDelivery,
  WebhookBacklog,
} from '../../../../../platform/webhooks';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../../payments.config';

/** The header the sandbox signs its webhooks in (`t=<unix>,v1=<hex>`, like Stripe-Signature). */
export const SANDBOX_SIGNATURE_HEADER = 'sandbox-signature';

/** An event is posted at most this many times, then left undelivered (as a processor gives up). */
const MAX_ATTEMPTS = 10;

/** An undelivered event as a pass reads it; `created_at` as PostgreSQL's text, to the microsecond. */
interface PendingEvent {
  readonly id: string;
  readonly body: SandboxWebhookBody;
  readonly created_at: string;
  /** The payment it is about (the event's own id when it names none): its partition. */
  readonly payment: string;
}

/** The body of a sandbox webhook event, as it is signed and sent. */
export interface SandboxWebhookBody {
  readonly id: string;
  readonly type: string;
  /** Unix seconds. */
  readonly created: number;
  readonly data: {
    readonly charge: string | null;
    readonly paymentId: string;
    readonly amount: number;
    readonly capturedAmount: number;
    readonly amountRefunded: number;
    readonly last4: string | null;
    readonly reason: string | null;
  };
}

/**
 * The sandbox's outgoing webhooks: events are logged in `sandbox_webhook_events` with the operation
 * that caused them, then POSTed, signed, to Arcade's own webhook route, several at once (see
 * deliverPending). Undelivered ones are tried again on the sandbox's sweep, as a real processor
 * retries; Arcade's receipts absorb duplicates.
 */
@Injectable()
export class SandboxWebhooks {
  private readonly logger = new Logger('SandboxWebhooks');
  private readonly backlog: WebhookBacklog<SandboxWebhookBody>;

  constructor(
    @InjectDataSource('payments') private readonly dataSource: DataSource,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {
    this.backlog = new WebhookBacklog(
      {
        readPage: (after, limit) => this.readPage(after, limit),
        record: (ids, delivered) => this.record(ids, delivered),
        post: (body) => this.post(body),
      },
      config.sandbox.webhookConcurrency,
      (error) => this.logger.warn(`sandbox webhooks not delivered, the sweep will retry: ${String(error)}`),
    );
  }

  /** The exact bytes and headers the sandbox sends for an event, signed now (or at `timestamp`). */
  signedDelivery(body: SandboxWebhookBody, timestamp?: number): { payload: string; headers: Record<string, string> } {
    return signedJsonDelivery(body, SANDBOX_SIGNATURE_HEADER, this.config.sandbox.webhookSecret, timestamp);
  }

  /** Events the sandbox emitted about one of Arcade's payments, oldest first. */
  async eventsFor(paymentId: string): Promise<SandboxWebhookBody[]> {
    const rows = (await this.dataSource.query(
      `SELECT body FROM sandbox_webhook_events WHERE body->'data'->>'paymentId' = $1 ORDER BY created_at, id`,
      [paymentId],
    )) as { body: SandboxWebhookBody }[];
    return rows.map((row) => row.body);
  }

  /**
   * POSTs undelivered events when delivery is on; a failure is retried on the next pass (at most
   * 10 attempts). A pass ({@link WebhookBacklog}) drains the whole backlog as it stands, up to
   * `webhookConcurrency` POSTs in flight, a payment's events one after another in the order they
   * were logged (the receiver applies them forward only and would cope with any order, as with
   * Stripe; keeping it makes the sandbox's callbacks read like the operations that caused them);
   * one pass at a time in this process.
   */
  deliverPending(): Promise<void> {
    if (!this.config.sandbox.webhookDelivery) return Promise.resolve();
    return this.backlog.deliverPending();
  }

  /** Events still to be tried, a page oldest first by (created_at, id). */
  private async readPage(
    after: { createdAt: string; id: string } | undefined,
    limit: number,
  ): Promise<PendingWebhook<SandboxWebhookBody>[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, body, created_at::text AS created_at, coalesce(body->'data'->>'paymentId', id) AS payment
         FROM sandbox_webhook_events
        WHERE NOT delivered AND attempts < ${MAX_ATTEMPTS}
          AND ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::text))
        ORDER BY created_at, id LIMIT ${limit}`,
      [after?.createdAt ?? null, after?.id ?? null],
    )) as PendingEvent[];
    return rows.map((row) => ({ id: row.id, body: row.body, createdAt: row.created_at, partition: row.payment }));
  }

  /** One attempt more for each event of a page, and whether it was delivered, in one statement. */
  private async record(ids: readonly string[], delivered: readonly boolean[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE sandbox_webhook_events AS event SET attempts = event.attempts + 1, delivered = outcome.delivered
         FROM unnest($1::text[], $2::boolean[]) AS outcome (id, delivered) WHERE event.id = outcome.id`,
      [ids, delivered],
    );
  }

  private async post(body: SandboxWebhookBody): Promise<boolean> {
    try {
      return await postSignedDelivery(
        `${this.config.sandbox.publicBaseUrl}/payments/webhooks/sandbox`,
        this.signedDelivery(body),
      );
    } catch (error) {
      this.logger.warn(`sandbox webhook ${body.id} not delivered, will retry: ${String(error)}`);
      return false;
    }
  }
}
