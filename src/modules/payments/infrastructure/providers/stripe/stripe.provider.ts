import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { Money } from '../../../../../platform/messaging/contracts';
import { assertFresh, isJsonObject, WebhookVerificationError } from '../../../../../platform/webhooks';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../../payments.config';
import {
  AuthorizeRequest,
  AuthorizeResult,
  PaymentMethodInfo,
  PaymentProvider,
  ProviderOutcome,
  ProviderUnavailableError,
  ProviderWebhookEvent,
} from '../payment-provider';
import { stripeWebhookEffect } from './stripe-webhook-effect';

/**
 * Stripe, through PaymentIntents with manual capture, used when `STRIPE_API_KEY` and
 * `STRIPE_WEBHOOK_SECRET` are set. Stripe's own idempotency keys carry Arcade's.
 */
@Injectable()
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe';
  private readonly client: Stripe | undefined;

  constructor(@Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig) {
    this.client = config.stripe ? new Stripe(config.stripe.apiKey, { maxNetworkRetries: 2 }) : undefined;
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  async describe(token: string): Promise<PaymentMethodInfo> {
    // Stripe scores risk itself (Radar) during the charge; before it, only the card's country helps.
    if (!token.startsWith('tok_')) return { last4: null, country: null, riskLevel: 'normal', fingerprint: null };
    const card = (await this.call(() => this.stripe.tokens.retrieve(token))).card;
    return {
      last4: card?.last4 ?? null,
      country: card?.country ?? null,
      riskLevel: 'normal',
      fingerprint: card?.fingerprint ?? null,
    };
  }

  async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    const method = request.token.startsWith('pm_')
      ? { payment_method: request.token }
      : { payment_method_data: { type: 'card', card: { token: request.token } } };
    const params = {
      amount: request.amount.amount,
      currency: request.amount.currency.toLowerCase(),
      capture_method: 'manual',
      confirm: true,
      payment_method_types: ['card'],
      metadata: { paymentId: request.paymentId, orderId: request.orderId },
      expand: ['payment_method'],
      ...method,
    } as unknown as Stripe.PaymentIntentCreateParams;
    try {
      const intent = await this.call(() =>
        this.stripe.paymentIntents.create(params, { idempotencyKey: request.idempotencyKey }),
      );
      const last4 = typeof intent.payment_method === 'object' ? (intent.payment_method?.card?.last4 ?? null) : null;
      if (intent.status === 'requires_capture') return { outcome: 'authorized', reference: intent.id, last4 };
      return { outcome: 'declined', reason: 'declined', last4 };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        const reason = error.decline_code === 'insufficient_funds' ? 'insufficient_funds' : 'declined';
        return { outcome: 'declined', reason, last4: null };
      }
      throw error;
    }
  }

  async capture(request: {
    idempotencyKey: string;
    reference: string;
    amount: Money;
  }): Promise<ProviderOutcome<'captured'>> {
    return this.outcome('captured', () =>
      this.stripe.paymentIntents.capture(
        request.reference,
        { amount_to_capture: request.amount.amount },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
  }

  async void(request: { idempotencyKey: string; reference: string }): Promise<ProviderOutcome<'voided'>> {
    return this.outcome('voided', () =>
      this.stripe.paymentIntents.cancel(request.reference, {}, { idempotencyKey: request.idempotencyKey }),
    );
  }

  async refund(request: {
    idempotencyKey: string;
    reference: string;
    amount: Money;
  }): Promise<ProviderOutcome<'refunded'>> {
    return this.outcome('refunded', () =>
      this.stripe.refunds.create(
        { payment_intent: request.reference, amount: request.amount.amount },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
  }

  parseWebhook(
    rawBody: Buffer,
    headers: Readonly<Record<string, string | string[] | undefined>>,
  ): ProviderWebhookEvent {
    const header = headers['stripe-signature'];
    const signature = Array.isArray(header) ? header[0] : header;
    if (!this.config.stripe || !signature) throw new WebhookVerificationError('The signature header is missing.');
    const tolerance = this.config.webhookToleranceSeconds;
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature, this.config.stripe.webhookSecret, tolerance);
    } catch (error) {
      throw new WebhookVerificationError(error instanceof Error ? error.message : 'Invalid signature.');
    }
    // Stripe's check only rejects old timestamps; one far in the future is refused too.
    assertFresh(Number(/(?:^|,)t=(\d+)/.exec(signature)?.[1]), tolerance, Math.floor(Date.now() / 1000));
    if (!isJsonObject(event) || !isJsonObject(event.data) || !isJsonObject(event.data.object)) {
      throw new WebhookVerificationError('The body is not a Stripe event.');
    }
    return stripeWebhookEffect(event);
  }

  private get stripe(): Stripe {
    if (!this.client) throw new Error('Stripe is not configured (STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET)');
    return this.client;
  }

  private async outcome<T extends string>(done: T, work: () => Promise<unknown>): Promise<ProviderOutcome<T>> {
    try {
      const result = (await this.call(work)) as { id?: string };
      return { outcome: done, reference: result.id };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
        return { outcome: 'failed', reason: error.code ?? error.message };
      }
      throw error;
    }
  }

  /** Network, rate-limit and Stripe-side errors are transient: the caller retries with the same key. */
  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (
        error instanceof Stripe.errors.StripeConnectionError ||
        error instanceof Stripe.errors.StripeAPIError ||
        error instanceof Stripe.errors.StripeRateLimitError
      ) {
        throw new ProviderUnavailableError(`stripe: ${error.message}`);
      }
      throw error;
    }
  }
}
