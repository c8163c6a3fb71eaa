import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { deliverInPartitions } from '../../../../../platform/jobs';
import { postSignedDelivery, signedJsonDelivery } from '../../../../../platform/webhooks';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../../payments.config';

/** The header the sandbox signs its webhooks in (`t=<unix>,v1=<hex>`, like Stripe-Signature). */
export const SANDBOX_SIGNATURE_HEADER = 'sandbox-signature';

/** Events read per page of a delivery pass. */
const PAGE_SIZE = 500;
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
  private delivering: Promise<void> | undefined;
  private deliverAgain = false;

  constructor(
    @InjectDataSource('payments') private readonly dataSource: DataSource,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

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
   * 10 attempts). One pass drains the whole backlog as it stands: pages of PAGE_SIZE oldest first,
   * up to `webhookConcurrency` POSTs in flight, a payment's events one after another in the order
   * they were logged (the receiver applies them forward only and would cope with any order, as
   * with Stripe; keeping it makes the sandbox's callbacks read like the operations that caused
   * them). One pass runs at a time in this process (a call meanwhile asks for one more pass):
   * concurrent passes would each post the same backlog, a storm that grows with the square of the
   * load.
   */
  deliverPending(): Promise<void> {
    if (!this.config.sandbox.webhookDelivery) return Promise.resolve();
    if (this.delivering) {
      this.deliverAgain = true;
      return this.delivering;
    }
    this.delivering = this.deliverBacklog().finally(() => {
      this.delivering = undefined;
      if (this.deliverAgain) {
        this.deliverAgain = false;
        this.deliverPending().catch((error: unknown) =>
          this.logger.warn(`sandbox webhooks not delivered, the sweep will retry: ${String(error)}`),
        );
      }
    });
    return this.delivering;
  }

  /**
   * Every event pending when its page is read, each tried once: the pages walk forward by
   * (created_at, id), so an event that failed in this pass is not met again until the next one.
   * Each page's outcomes are recorded in one statement.
   */
  private async deliverBacklog(): Promise<void> {
    let after: { createdAt: string; id: string } | undefined;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT id, body, created_at::text AS created_at, coalesce(body->'data'->>'paymentId', id) AS payment
           FROM sandbox_webhook_events
          WHERE NOT delivered AND attempts < ${MAX_ATTEMPTS}
            AND ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::text))
          ORDER BY created_at, id LIMIT ${PAGE_SIZE}`,
        [after?.createdAt ?? null, after?.id ?? null],
      )) as PendingEvent[];
      if (rows.length === 0) return;
      const delivered = new Set<string>();
      await deliverInPartitions(
        rows,
        (row) => row.payment,
        this.config.sandbox.webhookConcurrency,
        async (row) => {
          if (await this.post(row.body)) delivered.add(row.id);
        },
      );
      await this.dataSource.query(
        `UPDATE sandbox_webhook_events AS event SET attempts = event.attempts + 1, delivered = outcome.delivered
           FROM unnest($1::text[], $2::boolean[]) AS outcome (id, delivered) WHERE event.id = outcome.id`,
        [rows.map((row) => row.id), rows.map((row) => delivered.has(row.id))],
      );
      if (rows.length < PAGE_SIZE) return;
      const last = rows[rows.length - 1];
      after = { createdAt: last.created_at, id: last.id };
    }
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
