import { request, type Money, type Page } from '../../api';
import { query } from '../orders/orders-api';

/** One feature's share of a score: log-odds added (positive = riskier). */
export interface FeatureContribution {
  readonly feature: string;
  readonly value: number;
  readonly contribution: number;
}

/** A payment's fraud assessment. */
export interface Assessment {
  readonly paymentId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly assessedAt: string;
  readonly amount: Money;
  readonly decision: string;
  /** `model`, `rules` (cold start) or `guardrail`. */
  readonly decidedBy: string;
  readonly reasons: readonly string[];
  /** Calibrated P(fraud), 0..1; null when the rules decided alone. */
  readonly score: number | null;
  readonly modelVersion: number | null;
  /** 0..100. */
  readonly rulesScore: number;
  readonly topFeatures: readonly FeatureContribution[];
  readonly shadow: { readonly modelVersion: number; readonly score: number; readonly decision: string } | null;
}

/** The AI module's explanation of a review (it never decides). */
export interface Explanation {
  readonly status: 'pending' | 'ready' | 'failed' | 'disabled' | 'skipped';
  readonly text: string | null;
  readonly promptName: string | null;
  readonly promptVersion: number | null;
  readonly aiCallId: string | null;
  readonly problem: string | null;
  readonly updatedAt: string;
}

export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'closed';

/** A payment held for review. */
export interface Review {
  readonly paymentId: string;
  readonly orderId: string;
  readonly status: ReviewStatus;
  /** When the configured default applies if nobody decides. */
  readonly deadline: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly createdAt: string;
  readonly assessment: Assessment | null;
  readonly explanation: Explanation | null;
}

/** The calls of the Fraud review page. */
export const fraudApi = {
  reviews: (status: ReviewStatus, cursor: string | undefined, limit: number) =>
    request<Page<Review>>(`/payments/reviews${query({ status, cursor, limit })}`),
  review: (paymentId: string) => request<Review>(`/payments/reviews/${encodeURIComponent(paymentId)}`),
  approve: (paymentId: string) =>
    request<Review>(`/payments/reviews/${encodeURIComponent(paymentId)}/approve`, { method: 'POST' }),
  reject: (paymentId: string) =>
    request<Review>(`/payments/reviews/${encodeURIComponent(paymentId)}/reject`, { method: 'POST' }),
  explain: (paymentId: string) =>
    request<Review>(`/payments/reviews/${encodeURIComponent(paymentId)}/explanation`, { method: 'POST' }),
};
