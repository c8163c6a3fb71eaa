import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { Money } from '../../../../platform/messaging';
import { Payment } from '../../domain/payment';
import { PaymentRepository } from '../../infrastructure/payment.repository';

/** A payment as its order's owner or an admin sees it. */
export interface PaymentView {
  readonly id: string;
  readonly orderId: string;
  readonly status: string;
  readonly amount: Money;
  readonly capturedAmount: Money;
  readonly refundedAmount: Money;
  readonly provider: string;
  readonly last4: string | null;
  readonly riskScore: number;
  readonly riskDecision: string;
  readonly createdAt: string;
}

/** Whose payments, of which order. */
export interface ListPaymentsInput {
  readonly orderId: string;
  readonly caller: AuthenticatedUser;
}

/** The payments of an order, for its owner or an admin; anyone else is told it does not exist. */
@Injectable()
export class ListPaymentsUseCase {
  constructor(private readonly payments: PaymentRepository) {}

  async execute({ orderId, caller }: ListPaymentsInput): Promise<{ items: PaymentView[]; nextCursor: null }> {
    const payments = await this.payments.listOfOrder(orderId);
    const visible = payments.filter((p) => caller.roles.includes('admin') || p.customerId === caller.id);
    if (visible.length === 0) throw ProblemException.notFound('Payments of that order');
    return { items: visible.map(toView), nextCursor: null };
  }
}

function toView(p: Payment): PaymentView {
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
