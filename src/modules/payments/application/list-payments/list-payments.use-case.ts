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
  /** Admins only: the score would let a fraudster probe the model (Stripe shows Radar's risk to the merchant only). */
  readonly riskScore?: number;
  /** Admins only (see riskScore). */
  readonly riskDecision?: string;
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
    const admin = caller.roles.includes('admin');
    return { items: visible.map((p) => toView(p, admin)), nextCursor: null };
  }
}

function toView(p: Payment, withRisk: boolean): PaymentView {
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
    ...(withRisk ? { riskScore: p.riskScore, riskDecision: p.riskDecision } : {}),
    createdAt: p.createdAt.toISOString(),
  };
}
