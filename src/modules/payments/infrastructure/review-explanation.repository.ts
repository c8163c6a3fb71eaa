import { Injectable } from '@nestjs/common';
import { queryRows } from '../../../platform/database';
import { Transaction, UnitOfWork } from '../../../platform/messaging';

/** Where a review's AI explanation is (ADR 0120). */
export type ReviewExplanationStatus = 'pending' | 'ready' | 'failed' | 'disabled' | 'skipped';

/** The AI module's explanation of a held payment for its reviewer; it never decides anything. */
export interface ReviewExplanation {
  readonly status: ReviewExplanationStatus;
  /** The explanation (status `ready`). */
  readonly text: string | null;
  readonly promptName: string | null;
  readonly promptVersion: number | null;
  /** The model call that wrote it, in the AI call log (`GET /ai/calls/:id`). */
  readonly aiCallId: string | null;
  /** The last problem type (`ai-disabled`, `ai-budget-exhausted`, `module-unavailable`, …). */
  readonly problem: string | null;
  readonly attempts: number;
  /** `sweeper` (in the background) or `admin:<id>` (on demand): who asked for the stored text or problem. */
  readonly requestedBy: string | null;
  readonly updatedAt: Date;
}

/** A review whose explanation is due: the sweeper has leased it (next attempt pushed back). */
export interface DueExplanation {
  readonly paymentId: string;
  readonly orderId: string;
  readonly attempts: number;
}

/** What one attempt produced: a text, or why none. */
export type ExplanationOutcome =
  | {
      readonly status: 'ready';
      readonly text: string;
      readonly promptName: string;
      readonly promptVersion: number;
      readonly aiCallId: string;
    }
  | { readonly status: 'failed' | 'disabled'; readonly problem: string }
  | { readonly status: 'pending'; readonly problem: string; readonly retryAt: Date };

interface ExplanationRow {
  status: ReviewExplanationStatus;
  text: string | null;
  prompt_name: string | null;
  prompt_version: number | null;
  ai_call_id: string | null;
  problem: string | null;
  attempts: number;
  requested_by: string | null;
  updated_at: Date;
}

/** Review explanations in payments' schema (`fraud_review_explanations`). */
@Injectable()
export class ReviewExplanationRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Opens a held payment's explanation, due now (in the transaction that opens its review). */
  async open(tx: Transaction, paymentId: string): Promise<void> {
    await tx.manager.query(
      `INSERT INTO fraud_review_explanations (payment_id, status) VALUES ($1, 'pending') ON CONFLICT (payment_id) DO NOTHING`,
      [paymentId],
    );
  }

  /** The explanation of one review, if it has one. */
  async find(paymentId: string): Promise<ReviewExplanation | undefined> {
    const [row] = await queryRows<ExplanationRow>(
      this.uow.reader,
      `SELECT * FROM fraud_review_explanations WHERE payment_id = $1`,
      [paymentId],
    );
    return row && toExplanation(row);
  }

  /**
   * Leases up to `limit` due explanations of pending reviews for `leaseMs` (a process that dies
   * mid-call leaves its lease to expire, then another tries again) and counts the attempt. Due
   * explanations of reviews decided meanwhile are `skipped` first: nobody needs them any more.
   */
  async leaseDue(limit: number, leaseMs: number): Promise<DueExplanation[]> {
    await this.uow.reader.query(
      `UPDATE fraud_review_explanations e SET status = 'skipped', updated_at = now()
         FROM fraud_reviews r
        WHERE r.payment_id = e.payment_id AND e.status = 'pending' AND r.status <> 'pending'`,
    );
    const rows = await queryRows<{ payment_id: string; order_id: string; attempts: number }>(
      this.uow.reader,
      `UPDATE fraud_review_explanations e
          SET attempts = e.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
         FROM fraud_reviews r
        WHERE r.payment_id = e.payment_id
          AND e.payment_id IN (SELECT payment_id FROM fraud_review_explanations
                                WHERE status = 'pending' AND next_attempt_at <= now()
                                ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING e.payment_id, r.order_id, e.attempts`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({ paymentId: row.payment_id, orderId: row.order_id, attempts: row.attempts }));
  }

  /**
   * Stores an attempt's outcome. A failure never replaces a ready text (an admin's regeneration
   * that failed keeps the one before); `onlyIfPending` is the sweeper's guard against a late answer
   * overwriting what an admin stored meanwhile. Returns whether the row changed.
   */
  async store(
    paymentId: string,
    outcome: ExplanationOutcome,
    requestedBy: string,
    options: { readonly onlyIfPending?: boolean; readonly countAttempt?: boolean } = {},
  ): Promise<boolean> {
    const ready = outcome.status === 'ready' ? outcome : undefined;
    const problem = outcome.status === 'ready' ? null : outcome.problem;
    const retryAt = outcome.status === 'pending' ? outcome.retryAt : null;
    const guard = options.onlyIfPending
      ? `AND status = 'pending'`
      : outcome.status === 'ready'
        ? ''
        : `AND status <> 'ready'`;
    const rows = await queryRows<{ payment_id: string }>(
      this.uow.reader,
      `INSERT INTO fraud_review_explanations AS e
           (payment_id, status, text, prompt_name, prompt_version, ai_call_id, problem, attempts, next_attempt_at, requested_by, updated_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $10::int, coalesce($8, now()), $9, now()
          WHERE EXISTS (SELECT 1 FROM fraud_reviews WHERE payment_id = $1)
         ON CONFLICT (payment_id) DO UPDATE
           SET status = $2, text = $3, prompt_name = $4, prompt_version = $5, ai_call_id = $6, problem = $7,
               attempts = e.attempts + $10::int, next_attempt_at = coalesce($8, e.next_attempt_at), requested_by = $9, updated_at = now()
         WHERE true ${guard.replace(/status/g, 'e.status')}
         RETURNING e.payment_id`,
      [
        paymentId,
        outcome.status,
        ready?.text ?? null,
        ready?.promptName ?? null,
        ready?.promptVersion ?? null,
        ready?.aiCallId ?? null,
        problem,
        retryAt,
        requestedBy,
        options.countAttempt ? 1 : 0,
      ],
    );
    return rows.length > 0;
  }
}

/** A row of `fraud_review_explanations` (also joined into the review queue's rows, prefixed `x_`). */
export function toExplanation(row: ExplanationRow): ReviewExplanation {
  return {
    status: row.status,
    text: row.text,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    aiCallId: row.ai_call_id,
    problem: row.problem,
    attempts: row.attempts,
    requestedBy: row.requested_by,
    updatedAt: row.updated_at,
  };
}

export type { ExplanationRow };
