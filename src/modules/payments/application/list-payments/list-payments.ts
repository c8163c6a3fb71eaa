import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PaymentOrmEntity } from '../../infrastructure/payment.orm-entity';

export interface PaymentView {
  readonly id: string;
  readonly orderId: string;
  readonly status: string;
  readonly amount: { amount: number; currency: string };
  readonly capturedAmount: { amount: number; currency: string };
  readonly refundedAmount: { amount: number; currency: string };
  readonly provider: string;
  readonly last4: string | null;
  readonly riskScore: number;
  readonly riskDecision: string;
  readonly createdAt: string;
}

/** The payments of an order, for its owner or an admin; anyone else is told it does not exist. */
@Injectable()
export class ListPayments {
  constructor(private readonly uow: UnitOfWork) {}

  async ofOrder(orderId: string, user: AuthenticatedUser): Promise<{ items: PaymentView[]; nextCursor: null }> {
    const payments = await this.uow.run((tx) =>
      tx.manager.find(PaymentOrmEntity, { where: { orderId }, order: { createdAt: 'ASC' } }),
    );
    const visible = payments.filter((p) => user.roles.includes('admin') || p.customerId === user.id);
    if (visible.length === 0) throw ProblemException.notFound('Payments of that order');
    return { items: visible.map(toView), nextCursor: null };
  }
}

export function toView(p: PaymentOrmEntity): PaymentView {
  const money = (amount: number) => ({ amount, currency: p.currency });
  return {
    id: p.id,
    orderId: p.orderId,
    status: p.status,
    amount: money(p.amount),
    capturedAmount: money(p.capturedAmount),
    refundedAmount: money(p.refundedAmount),
    provider: p.provider,
    last4: p.last4,
    riskScore: p.riskScore,
    riskDecision: p.riskDecision,
    createdAt: p.createdAt.toISOString(),
  };
}
