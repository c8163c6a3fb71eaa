import { Injectable } from '@nestjs/common';
import { isUuid } from '../../../platform/ids';
import { minorUnits, Transaction, UnitOfWork } from '../../../platform/messaging';
import { FraudAssessment, ModelVerdict } from '../domain/fraud/fraud-assessment';
import { FraudSignals } from '../domain/fraud/fraud-signals';
import { ScoredExample } from '../domain/fraud/train-and-measure';
import { RiskDecision } from '../domain/risk-assessment';

interface AssessmentRow {
  payment_id: string;
  order_id: string;
  account_id: string;
  assessed_at: Date;
  amount: string;
  currency: string;
  resellable_amount: string;
  fingerprint: string;
  card_country: string | null;
  provider_risk_level: FraudAssessment['providerRiskLevel'];
  shipping_address_hash: string;
  shipping_country: string;
  signals: FraudSignals;
  rules_score: number;
  decision: RiskDecision;
  decided_by: FraudAssessment['decision']['decidedBy'];
  reasons: string[];
  model_version: number | null;
  probability: number | null;
  contributions: ModelVerdict['contributions'];
  shadow_model_version: number | null;
  shadow_probability: number | null;
  shadow_decision: RiskDecision | null;
  shadow_contributions: ModelVerdict['contributions'] | null;
}

/** Payments' stored fraud assessments (one per payment) and the labelled history they make. */
@Injectable()
export class FraudAssessmentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Stores an attempt's assessment (once: a repeat for the same payment changes nothing). */
  async record(tx: Transaction, a: FraudAssessment): Promise<void> {
    await tx.manager.query(
      `INSERT INTO fraud_assessments (payment_id, order_id, account_id, assessed_at, amount, currency,
         resellable_amount, fingerprint, card_country, provider_risk_level, shipping_address_hash, shipping_country,
         signals, rules_score, decision, decided_by, reasons, model_version, probability, contributions,
         shadow_model_version, shadow_probability, shadow_decision, shadow_contributions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
       ON CONFLICT (payment_id) DO NOTHING`,
      [
        a.paymentId,
        a.orderId,
        a.accountId,
        a.assessedAt,
        a.amount,
        a.currency,
        a.resellableAmount,
        a.fingerprint,
        a.cardCountry,
        a.providerRiskLevel,
        a.shippingAddressHash,
        a.shippingCountry,
        JSON.stringify(a.signals),
        a.rulesScore,
        a.decision.decision,
        a.decision.decidedBy,
        a.decision.reasons,
        a.model?.version ?? null,
        a.model?.probability ?? null,
        JSON.stringify(a.model?.contributions ?? []),
        a.shadow?.version ?? null,
        a.shadow?.probability ?? null,
        a.shadow?.decision ?? null,
        a.shadow ? JSON.stringify(a.shadow.contributions) : null,
      ],
    );
  }

  /** A payment's assessment. */
  async find(paymentId: string): Promise<FraudAssessment | undefined> {
    if (!isUuid(paymentId)) return undefined;
    const [row] = (await this.uow.reader.query(`SELECT * FROM fraud_assessments WHERE payment_id = $1`, [
      paymentId,
    ])) as AssessmentRow[];
    return row && toAssessment(row);
  }

  /**
   * The labelled history for training, oldest first: every attempt that reached the provider or
   * carries a label, assessed before `until`. A fraud label (dispute, admin mark, rejected review)
   * makes it fraudulent; an attempt without one, or labelled legitimate, is legitimate.
   */
  async labelledHistory(until: Date): Promise<ScoredExample[]> {
    const rows = (await this.uow.reader.query(
      `SELECT a.signals, a.assessed_at, a.rules_score, coalesce(l.fraudulent, false) AS fraudulent
       FROM fraud_assessments a
       JOIN payments p ON p.id = a.payment_id
       LEFT JOIN fraud_labels l ON l.payment_id = a.payment_id
       WHERE a.assessed_at < $1 AND (p.status <> 'declined' OR l.payment_id IS NOT NULL)
       ORDER BY a.assessed_at, a.payment_id`,
      [until],
    )) as { signals: FraudSignals; assessed_at: Date; rules_score: number; fraudulent: boolean }[];
    return rows.map((row) => ({
      signals: row.signals,
      fraud: row.fraudulent,
      at: row.assessed_at.getTime(),
      rulesScore: row.rules_score,
    }));
  }
}

/** Maps a stored row (also used by the review queue's reader). */
export function toAssessment(row: AssessmentRow): FraudAssessment {
  const verdict = (
    version: number | null,
    probability: number | null,
    decision: RiskDecision | null,
    contributions: ModelVerdict['contributions'] | null,
  ): ModelVerdict | null =>
    version === null || probability === null
      ? null
      : { version, probability, decision: decision ?? 'allow', contributions: contributions ?? [] };
  return {
    paymentId: row.payment_id,
    orderId: row.order_id,
    accountId: row.account_id,
    assessedAt: row.assessed_at,
    amount: minorUnits(row.amount),
    currency: row.currency,
    resellableAmount: minorUnits(row.resellable_amount),
    fingerprint: row.fingerprint,
    cardCountry: row.card_country,
    providerRiskLevel: row.provider_risk_level,
    shippingAddressHash: row.shipping_address_hash,
    shippingCountry: row.shipping_country,
    signals: row.signals,
    rulesScore: row.rules_score,
    decision: { decision: row.decision, decidedBy: row.decided_by, reasons: row.reasons },
    model: verdict(
      row.model_version,
      row.probability,
      row.decided_by === 'rules' ? null : row.decision,
      row.contributions,
    ),
    shadow: verdict(row.shadow_model_version, row.shadow_probability, row.shadow_decision, row.shadow_contributions),
  };
}

export type { AssessmentRow };
