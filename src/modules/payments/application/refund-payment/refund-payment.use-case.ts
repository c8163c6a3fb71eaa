import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { Money } from '../../../../platform/messaging';
import { ProviderUnavailableError } from '../../infrastructure/providers/payment-provider';
import { Refunds, RefundView } from './refunds';

/** An admin's refund of a payment (`POST /payments/:id/refund`). */
export interface RefundPaymentInput {
  readonly paymentId: string;
  /** In the payment's currency; null for everything captured and not yet refunded. */
  readonly amount: Money | null;
  /** Why; `requested_by_admin` when not given. */
  readonly reason?: string;
  /** The client's `Idempotency-Key`, when one was sent. */
  readonly idempotencyKey?: string;
  readonly admin: AuthenticatedUser;
}

/**
 * Refunds all or part of a captured payment for an admin. With an `Idempotency-Key`, a retry is
 * the same refund (resumed if it was interrupted), and the same key with another request is a
 * 422; a provider that cannot be reached is a 503 to retry with the same key.
 */
@Injectable()
export class RefundPaymentUseCase {
  constructor(private readonly refunds: Refunds) {}

  async execute(input: RefundPaymentInput): Promise<RefundView> {
    const { paymentId, amount, admin, idempotencyKey: key } = input;
    const reason = input.reason ?? 'requested_by_admin';
    try {
      return await this.refunds.refund({
        paymentId,
        amount,
        reason,
        requestKey: `http:${admin.id}:${key ?? uuidv7()}`,
        idempotency: key ? { scope: admin.id, key, request: { paymentId, amount, reason } } : undefined,
      });
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      throw new ProblemException({
        status: 503,
        type: 'provider-unavailable',
        detail: 'The payment provider is unavailable; retry with the same Idempotency-Key.',
      });
    }
  }
}
