import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { PeriodicTask } from '../../../../../platform/jobs';
import { minorUnits, Money } from '../../../../../platform/messaging/contracts';
import {
  isJsonObject,
  verifiedJsonBody,
  WebhookHeaders,
  WebhookVerificationError,
} from '../../../../../platform/webhooks';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../../payments.config';
import {
  AuthorizeRequest,
  AuthorizeResult,
  PaymentMethodInfo,
  PaymentProvider,
  ProviderOutcome,
  ProviderUnavailableError,
  ProviderWebhookEvent,
} from '../payment-provider';
import { sandboxCard, sandboxFingerprint } from './sandbox-cards';
import { SANDBOX_SIGNATURE_HEADER, SandboxWebhookBody, SandboxWebhooks } from './sandbox-webhooks';
import { toWebhookEffect } from './sandbox-webhook-effect';

/** A `sandbox_charges` row, amounts in minor units (read from `bigint` columns by {@link toCharge}). */
interface ChargeRow {
  id: string;
  merchant_ref: string;
  amount: number;
  currency: string;
  status: 'authorized' | 'captured' | 'voided' | 'expired';
  captured_amount: number;
  refunded_amount: number;
  last4: string;
  expired_now: boolean;
}

type Emit = (type: string, charge: Partial<ChargeRow> & { merchant_ref: string }, reason?: string) => Promise<void>;

const TRANSIENT = Symbol('transient');

/**
 * A card processor that runs inside Arcade for development and tests, with a real processor's
 * failure modes (test tokens, transient errors, expiring authorizations, partial refunds, signed
 * webhooks). Its ledger lives in the `sandbox_*` tables and is touched by nothing else; every call
 * is idempotent by key, serialized on the key's row, as Stripe does.
 */
@Injectable()
export class SandboxProvider implements PaymentProvider, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly name = 'sandbox';
  private readonly sweeper: PeriodicTask;

  constructor(
    @InjectDataSource('payments') private readonly dataSource: DataSource,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    private readonly webhooks: SandboxWebhooks,
  ) {
    const { enabled, webhookDelivery, sweepIntervalMs } = config.sandbox;
    this.sweeper = new PeriodicTask('SandboxSweep', enabled && webhookDelivery ? sweepIntervalMs : 0, () =>
      this.sweep(),
    );
  }

  onApplicationBootstrap(): void {
    this.sweeper.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.sweeper.stop();
  }

  describe(token: string): Promise<PaymentMethodInfo> {
    const { last4, country, riskLevel } = sandboxCard(token);
    return Promise.resolve({ last4, country, riskLevel, fingerprint: sandboxFingerprint(token) });
  }

  authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    const card = sandboxCard(request.token);
    return this.idempotent(request.idempotencyKey, 'authorize', async (manager, attempt, emit) => {
      if (card.behaviour === 'transient_error' && attempt <= this.config.sandbox.transientFailures) return TRANSIENT;
      const charge = { merchant_ref: request.paymentId, amount: request.amount.amount, last4: card.last4 };
      if (card.behaviour === 'decline' || card.behaviour === 'insufficient_funds') {
        const reason = card.behaviour === 'decline' ? 'declined' : 'insufficient_funds';
        await emit('charge.failed', charge, reason);
        return { outcome: 'declined', reason, last4: card.last4 };
      }
      const id = `ch_sbx_${uuidv7().replaceAll('-', '')}`;
      await manager.query(
        `INSERT INTO sandbox_charges (id, merchant_ref, amount, currency, status, last4, expires_at)
         VALUES ($1, $2, $3, $4, 'authorized', $5, now() + make_interval(secs => $6))`,
        [
          id,
          request.paymentId,
          request.amount.amount,
          request.amount.currency,
          card.last4,
          this.config.sandbox.authorizationTtlSeconds,
        ],
      );
      await emit('charge.authorized', { ...charge, id });
      return { outcome: 'authorized', reference: id, last4: card.last4 };
    });
  }

  capture(request: { idempotencyKey: string; reference: string; amount: Money }): Promise<ProviderOutcome<'captured'>> {
    return this.idempotent(request.idempotencyKey, 'capture', async (manager, _attempt, emit) => {
      const charge = await this.lockCharge(manager, request.reference);
      if (!charge) return { outcome: 'failed', reason: 'no_such_charge' };
      if (charge.status === 'captured') return { outcome: 'captured' };
      if (charge.status !== 'authorized') return { outcome: 'failed', reason: `authorization_${charge.status}` };
      if (charge.expired_now) return this.expire(manager, charge, emit);
      if (request.amount.amount > charge.amount) return { outcome: 'failed', reason: 'amount_too_large' };
      await manager.query(`UPDATE sandbox_charges SET status = 'captured', captured_amount = $2 WHERE id = $1`, [
        charge.id,
        request.amount.amount,
      ]);
      await emit('charge.captured', { ...charge, captured_amount: request.amount.amount });
      return { outcome: 'captured' };
    });
  }

  void(request: { idempotencyKey: string; reference: string }): Promise<ProviderOutcome<'voided'>> {
    return this.idempotent(request.idempotencyKey, 'void', async (manager, _attempt, emit) => {
      const charge = await this.lockCharge(manager, request.reference);
      if (!charge) return { outcome: 'failed', reason: 'no_such_charge' };
      if (charge.status === 'voided') return { outcome: 'voided' };
      if (charge.status !== 'authorized') return { outcome: 'failed', reason: `authorization_${charge.status}` };
      await manager.query(`UPDATE sandbox_charges SET status = 'voided' WHERE id = $1`, [charge.id]);
      await emit('charge.voided', charge);
      return { outcome: 'voided' };
    });
  }

  refund(request: { idempotencyKey: string; reference: string; amount: Money }): Promise<ProviderOutcome<'refunded'>> {
    return this.idempotent(request.idempotencyKey, 'refund', async (manager, _attempt, emit) => {
      const charge = await this.lockCharge(manager, request.reference);
      if (!charge || charge.status !== 'captured') return { outcome: 'failed', reason: 'charge_not_captured' };
      const refunded = charge.refunded_amount + request.amount.amount;
      if (refunded > charge.captured_amount) return { outcome: 'failed', reason: 'amount_exceeds_captured' };
      await manager.query(`UPDATE sandbox_charges SET refunded_amount = $2 WHERE id = $1`, [charge.id, refunded]);
      await emit('charge.refunded', { ...charge, refunded_amount: refunded });
      return { outcome: 'refunded', reference: `re_sbx_${uuidv7().replaceAll('-', '')}` };
    });
  }

  /**
   * The cardholder disputes a captured charge (a chargeback, `reason` as the card network gives it):
   * logs a signed `charge.disputed` event, as Stripe sends `charge.dispute.created`. Returns false
   * for a charge that was never captured (nothing to dispute).
   */
  async dispute(reference: string, reason = 'fraudulent'): Promise<boolean> {
    const disputed = await this.dataSource.transaction(async (manager) => {
      const charge = await this.lockCharge(manager, reference);
      if (charge?.status !== 'captured') return false;
      await this.emitter(manager)('charge.disputed', charge, reason);
      return true;
    });
    if (disputed) void this.webhooks.deliverPending().catch(() => undefined);
    return disputed;
  }

  /** Lets every uncaptured authorization past its expiry lapse, announcing each by webhook. */
  async expireAuthorizations(): Promise<number> {
    const expired = await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE sandbox_charges SET status = 'expired' WHERE status = 'authorized' AND expires_at <= now() RETURNING *`,
      )) as [ChargeRow[], number];
      const emit = this.emitter(manager);
      for (const row of rows) await emit('charge.expired', toCharge(row), 'authorization_expired');
      return rows.length;
    });
    // The sweep retries what this pass could not post; a rejection here must not go unhandled.
    if (expired > 0) void this.webhooks.deliverPending().catch(() => undefined);
    return expired;
  }

  parseWebhook(rawBody: Buffer, headers: WebhookHeaders): ProviderWebhookEvent {
    const body = verifiedJsonBody(
      rawBody,
      headers,
      SANDBOX_SIGNATURE_HEADER,
      this.config.sandbox.webhookSecret,
      this.config.webhookToleranceSeconds,
    ) as SandboxWebhookBody;
    if (typeof body?.id !== 'string' || typeof body.type !== 'string' || !isJsonObject(body.data)) {
      throw new WebhookVerificationError('The body is not a sandbox event.');
    }
    return {
      id: body.id,
      type: body.type,
      paymentId: body.data.paymentId ?? null,
      reference: body.data.charge ?? null,
      effect: toWebhookEffect(body),
    };
  }

  /** Expiry and webhook redelivery run independently; a failure of either is reported after both. */
  private async sweep(): Promise<void> {
    const outcomes = await Promise.allSettled([this.expireAuthorizations(), this.webhooks.deliverPending()]);
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async lockCharge(manager: EntityManager, id: string): Promise<ChargeRow | undefined> {
    const rows = (await manager.query(
      `SELECT *, expires_at <= now() AS expired_now FROM sandbox_charges WHERE id = $1 FOR UPDATE`,
      [id],
    )) as ChargeRow[];
    return rows[0] && toCharge(rows[0]);
  }

  private async expire(manager: EntityManager, charge: ChargeRow, emit: Emit): Promise<ProviderOutcome<'captured'>> {
    await manager.query(`UPDATE sandbox_charges SET status = 'expired' WHERE id = $1`, [charge.id]);
    await emit('charge.expired', charge, 'authorization_expired');
    return { outcome: 'failed', reason: 'authorization_expired' };
  }

  /**
   * Runs an operation once per idempotency key: concurrent calls with one key queue on its row, a
   * repeat gets the stored answer. A transient failure is recorded (the attempt counts) and thrown
   * after commit, so the caller's retry with the same key is the next attempt. The webhook events
   * an operation emits are written with its answer, in one statement at the end.
   */
  private async idempotent<T>(
    key: string,
    operation: string,
    perform: (manager: EntityManager, attempt: number, emit: Emit) => Promise<T | typeof TRANSIENT>,
  ): Promise<T> {
    let emitted = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO sandbox_requests (idempotency_key, operation, attempts) VALUES ($1, $2, 1)
         ON CONFLICT (idempotency_key) DO UPDATE SET attempts = sandbox_requests.attempts + 1
         RETURNING attempts, operation, response`,
        [key, operation],
      )) as { attempts: number; operation: string; response: T | null }[];
      if (row.operation !== operation) throw new Error(`Idempotency key ${key} was used for ${row.operation}`);
      if (row.response !== null) return row.response;
      const events: SandboxWebhookBody[] = [];
      const outcome = await perform(manager, row.attempts, async (type, charge, reason) => {
        events.push(webhookBody(type, charge, reason));
      });
      if (outcome === TRANSIENT) return TRANSIENT;
      await manager.query(
        `WITH events AS (
           INSERT INTO sandbox_webhook_events (id, body)
           SELECT id, body FROM unnest($3::text[], $4::jsonb[]) WITH ORDINALITY AS e (id, body, n) ORDER BY n)
         UPDATE sandbox_requests SET response = $2 WHERE idempotency_key = $1`,
        [key, JSON.stringify(outcome), events.map((e) => e.id), events.map((e) => JSON.stringify(e))],
      );
      emitted = events.length > 0;
      return outcome;
    });
    if (result === TRANSIENT) throw new ProviderUnavailableError(`sandbox: processing error on ${operation}, retry`);
    if (emitted) void this.webhooks.deliverPending().catch(() => undefined);
    return result;
  }

  /** Writes each event as it is emitted (outside `idempotent`: disputes and expiries). */
  private emitter(manager: EntityManager, onEmit: () => void = () => undefined): Emit {
    return async (type, charge, reason) => {
      const body = webhookBody(type, charge, reason);
      await manager.query(`INSERT INTO sandbox_webhook_events (id, body) VALUES ($1, $2)`, [
        body.id,
        JSON.stringify(body),
      ]);
      onEmit();
    };
  }
}

/** The webhook event the sandbox logs about a charge. */
function webhookBody(type: string, charge: Parameters<Emit>[1], reason?: string): SandboxWebhookBody {
  return {
    id: `evt_sbx_${uuidv7().replaceAll('-', '')}`,
    type,
    created: Math.floor(Date.now() / 1000),
    data: {
      charge: charge.id ?? null,
      paymentId: charge.merchant_ref,
      amount: charge.amount ?? 0,
      capturedAmount: charge.captured_amount ?? 0,
      amountRefunded: charge.refunded_amount ?? 0,
      last4: charge.last4 ?? null,
      reason: reason ?? null,
    },
  };
}

/** node-postgres reads `bigint` as a string: the amounts become exact numbers before any arithmetic. */
function toCharge(row: ChargeRow): ChargeRow {
  return {
    ...row,
    amount: minorUnits(row.amount),
    captured_amount: minorUnits(row.captured_amount),
    refunded_amount: minorUnits(row.refunded_amount),
  };
}
