import type Stripe from 'stripe';
import { stripeWebhookEffect } from './stripe-webhook-effect';

describe('stripeWebhookEffect', () => {
  it('maps charge.dispute.created (a chargeback) to the same dispute label as the sandbox’s charge.disputed', () => {
    const event = {
      id: 'evt_1',
      type: 'charge.dispute.created',
      data: { object: { id: 'dp_1', object: 'dispute', payment_intent: 'pi_123', reason: 'fraudulent' } },
    } as unknown as Stripe.Event;
    expect(stripeWebhookEffect(event)).toEqual({
      id: 'evt_1',
      type: 'charge.dispute.created',
      paymentId: null,
      reference: 'pi_123',
      effect: { kind: 'disputed', reason: 'fraudulent' },
    });
  });
});
