import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { postSignedDelivery, signedJsonDelivery } from '../../../../../platform/webhooks';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../../payments.config';

/** The header the sandbox signs its webhooks in (`t=<unix>,v1=<hex>`, like Stripe-Signature). */
export const SANDBOX_SIGNATURE_HEADER = 'sandbox-signature';

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
 * that caused them, then POSTed, signed, to Arcade's own webhook route. Undelivered ones are tried
 * again on the sandbox's sweep, as a real processor retries; Arcade's receipts absorb duplicates.
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
   * POSTs undelivered events when delivery is on; a failure is retried on the next sweep. One pass
   * runs at a time in this process (a call meanwhile asks for one more pass): concurrent passes
   * would each post the same backlog, a storm that grows with the square of the load.
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

  private async deliverBacklog(): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT id, body FROM sandbox_webhook_events WHERE NOT delivered AND attempts < 10 ORDER BY created_at LIMIT 50`,
    )) as { id: string; body: SandboxWebhookBody }[];
    for (const row of rows) {
      const delivered = await this.post(row.body);
      await this.dataSource.query(
        `UPDATE sandbox_webhook_events SET attempts = attempts + 1, delivered = $2 WHERE id = $1`,
        [row.id, delivered],
      );
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
