import { Injectable } from '@nestjs/common';
import { isUuid } from '../../../platform/ids';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { FraudAssessment } from '../domain/fraud/fraud-assessment';
import { AssessmentRow, toAssessment } from './fraud-assessment.repository';
import { ReviewExplanation, toExplanation } from './review-explanation.repository';

/** Where a held payment's review is: waiting, decided, or closed (the payment went away meanwhile). */
export type FraudReviewStatus = 'pending' | 'approved' | 'rejected' | 'closed';

/** A payment held for a person, with its assessment. */
export interface FraudReview {
  readonly paymentId: string;
  readonly orderId: string;
  readonly status: FraudReviewStatus;
  readonly deadline: Date;
  /** `admin:<user id>` or `deadline`. */
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly createdAt: Date;
  readonly assessment: FraudAssessment | undefined;
  /** The AI module's explanation for the reviewer (ADR 0120); undefined when none was asked for. */
  readonly explanation: ReviewExplanation | undefined;
}

interface ReviewRow extends Partial<AssessmentRow> {
  r_payment_id: string;
  r_order_id: string;
  r_status: FraudReviewStatus;
  r_deadline: Date;
  r_decided_by: string | null;
  r_decided_at: Date | null;
  r_created_at: Date;
  x_status: ReviewExplanation['status'] | null;
  x_text: string | null;
  x_prompt_name: string | null;
  x_prompt_version: number | null;
  x_ai_call_id: string | null;
  x_problem: string | null;
  x_attempts: number | null;
  x_requested_by: string | null;
  x_updated_at: Date | null;
}

const SELECT = `SELECT r.payment_id AS r_payment_id, r.order_id AS r_order_id, r.status AS r_status,
    r.deadline AS r_deadline, r.decided_by AS r_decided_by, r.decided_at AS r_decided_at, r.created_at AS r_created_at,
    x.status AS x_status, x.text AS x_text, x.prompt_name AS x_prompt_name, x.prompt_version AS x_prompt_version,
    x.ai_call_id AS x_ai_call_id, x.problem AS x_problem, x.attempts AS x_attempts, x.requested_by AS x_requested_by,
    x.updated_at AS x_updated_at, a.*
  FROM fraud_reviews r LEFT JOIN fraud_assessments a ON a.payment_id = r.payment_id
  LEFT JOIN fraud_review_explanations x ON x.payment_id = r.payment_id`;

/** Payments held for review (authorized, not captured) and their outcomes. */
@Injectable()
export class FraudReviewRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Opens a payment's review (once). */
  async open(tx: Transaction, paymentId: string, orderId: string, deadline: Date): Promise<void> {
    await tx.manager.query(
      `INSERT INTO fraud_reviews (payment_id, order_id, status, deadline) VALUES ($1, $2, 'pending', $3)
       ON CONFLICT (payment_id) DO NOTHING`,
      [paymentId, orderId, deadline],
    );
  }

  /** Reviews in `status`, oldest first (payment ids are UUIDv7: time-ordered), keyset-paginated by payment id. */
  async list(status: FraudReviewStatus, limit: number, afterPaymentId: string | null): Promise<FraudReview[]> {
    const rows = (await this.uow.reader.query(
      `${SELECT} WHERE r.status = $1 AND ($2::uuid IS NULL OR r.payment_id > $2::uuid) ORDER BY r.payment_id LIMIT $3`,
      [status, afterPaymentId, limit],
    )) as ReviewRow[];
    return rows.map(toReview);
  }

  /** One review, as it stands. */
  async find(paymentId: string): Promise<FraudReview | undefined> {
    if (!isUuid(paymentId)) return undefined;
    const [row] = (await this.uow.reader.query(`${SELECT} WHERE r.payment_id = $1`, [paymentId])) as ReviewRow[];
    return row && toReview(row);
  }

  /** One review, locked in `tx`. */
  async lock(tx: Transaction, paymentId: string): Promise<FraudReview | undefined> {
    if (!isUuid(paymentId)) return undefined;
    const [row] = (await tx.manager.query(`${SELECT} WHERE r.payment_id = $1 FOR UPDATE OF r`, [
      paymentId,
    ])) as ReviewRow[];
    return row && toReview(row);
  }

  /** Settles a pending review; returns false when it was no longer pending. */
  async settle(
    tx: Transaction,
    paymentId: string,
    status: Exclude<FraudReviewStatus, 'pending'>,
    decidedBy: string,
  ): Promise<boolean> {
    const [rows] = (await tx.manager.query(
      `UPDATE fraud_reviews SET status = $2, decided_by = $3, decided_at = now() WHERE payment_id = $1 AND status = 'pending'
       RETURNING payment_id`,
      [paymentId, status, decidedBy],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /** Pending reviews past their deadline, oldest first. */
  async overdue(limit: number): Promise<string[]> {
    const rows = (await this.uow.reader.query(
      `SELECT payment_id FROM fraud_reviews WHERE status = 'pending' AND deadline <= now() ORDER BY deadline LIMIT $1`,
      [limit],
    )) as { payment_id: string }[];
    return rows.map((row) => row.payment_id);
  }
}

function toReview(row: ReviewRow): FraudReview {
  return {
    paymentId: row.r_payment_id,
    orderId: row.r_order_id,
    status: row.r_status,
    deadline: row.r_deadline,
    decidedBy: row.r_decided_by,
    decidedAt: row.r_decided_at,
    createdAt: row.r_created_at,
    assessment: row.payment_id ? toAssessment(row as AssessmentRow) : undefined,
    explanation: row.x_status
      ? toExplanation({
          status: row.x_status,
          text: row.x_text,
          prompt_name: row.x_prompt_name,
          prompt_version: row.x_prompt_version,
          ai_call_id: row.x_ai_call_id,
          problem: row.x_problem,
          attempts: row.x_attempts ?? 0,
          requested_by: row.x_requested_by,
          updated_at: row.x_updated_at!,
        })
      : undefined,
  };
}
