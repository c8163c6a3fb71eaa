import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataToolResult } from '../../../../platform/messaging';
import { GetPaymentRiskSignals, PaymentRiskSignalsRow } from '../../contracts';
import { Payment } from '../../domain/payment';
import { PaymentRepository } from '../../infrastructure/payment.repository';

/** The `payments_risk_signals` data tool: one payment's risk assessment, by payment or order id. */
@QueryHandler(GetPaymentRiskSignals)
export class GetPaymentRiskSignalsHandler implements IQueryHandler<GetPaymentRiskSignals> {
  constructor(private readonly payments: PaymentRepository) {}

  async execute({ args, limit }: GetPaymentRiskSignals): Promise<DataToolResult<PaymentRiskSignalsRow>> {
    if (!(limit >= 1)) return { rows: [], truncated: false };
    const payment =
      typeof args?.paymentId === 'string'
        ? await this.payments.findById(args.paymentId)
        : typeof args?.orderId === 'string'
          ? await this.payments.findByOrder(args.orderId)
          : undefined;
    return { rows: payment ? [toRow(payment)] : [], truncated: false };
  }
}

function toRow(p: Payment): PaymentRiskSignalsRow {
  return {
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
