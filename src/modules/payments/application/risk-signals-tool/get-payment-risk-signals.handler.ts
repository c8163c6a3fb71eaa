import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataToolResult } from '../../../../platform/messaging';
import { GetPaymentRiskSignals, PaymentRiskSignalsRow } from '../../contracts';
import { FraudAssessment } from '../../domain/fraud/fraud-assessment';
import { Payment } from '../../domain/payment';
import { FraudAssessmentRepository } from '../../infrastructure/fraud-assessment.repository';
import { PaymentRepository } from '../../infrastructure/payment.repository';

/** The `payments_risk_signals` data tool: one payment's risk assessment (rules and model), by payment or order id. */
@QueryHandler(GetPaymentRiskSignals)
export class GetPaymentRiskSignalsHandler implements IQueryHandler<GetPaymentRiskSignals> {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly assessments: FraudAssessmentRepository,
  ) {}

  async execute({ args, limit }: GetPaymentRiskSignals): Promise<DataToolResult<PaymentRiskSignalsRow>> {
    if (!(limit >= 1)) return { rows: [], truncated: false };
    const payment =
      typeof args?.paymentId === 'string'
        ? await this.payments.findById(args.paymentId)
        : typeof args?.orderId === 'string'
          ? await this.payments.findByOrder(args.orderId)
          : undefined;
    if (!payment) return { rows: [], truncated: false };
    return { rows: [toRow(payment, await this.assessments.find(payment.id))], truncated: false };
  }
}

function toRow(p: Payment, a: FraudAssessment | undefined): PaymentRiskSignalsRow {
  const model = a && {
    decidedBy: a.decision.decidedBy,
    modelScore: a.model?.probability ?? null,
    topFeatures: (a.model?.contributions ?? []).map(({ feature, value, contribution }) => ({
      feature,
      value,
      contribution,
    })),
  };
  return {
    ...model,
    paymentId: p.id,
    orderId: p.orderId,
    status: p.status,
    amount: { amount: p.amount, currency: p.currency },
    riskScore: p.riskScore,
    riskDecision: p.riskDecision,
    riskReasons: [...p.riskReasons],
    shippingCountry: p.shippingCountry,
    createdAt: p.createdAt.toISOString(),
  };
}
