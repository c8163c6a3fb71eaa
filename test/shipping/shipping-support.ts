import { v7 as uuidv7 } from 'uuid';
import { OrderCancelled, OrderConfirmed } from '../../src/modules/orders';
import {
  SandboxCarrierProvider,
  SandboxTrackingBody,
} from '../../src/modules/shipping/infrastructure/providers/sandbox-carrier.provider';
import { LocalEventDispatcher, toEnvelope } from '../../src/platform/messaging/testing';
import { Scenario } from '../support/scenario';

/** An `OrderConfirmed` as orders publishes it today (v1: no line numbers, address nor method). */
export function orderConfirmed(
  lines: { variantId?: string; quantity: number }[],
  orderId = uuidv7(),
  customerId = uuidv7(),
): OrderConfirmed {
  return new OrderConfirmed({
    orderId,
    customerId,
    lines: lines.map((line, i) => ({
      productId: uuidv7(),
      variantId: line.variantId ?? uuidv7(),
      sku: `SKU-${i + 1}`,
      title: `Thing ${i + 1}`,
      quantity: line.quantity,
      unitPrice: { amount: 1000, currency: 'EUR' },
    })),
    total: { amount: 1000, currency: 'EUR' },
    confirmedAt: new Date().toISOString(),
  });
}

export function orderCancelled(orderId: string, customerId: string, reason = 'cancelled_by_customer'): OrderCancelled {
  return new OrderCancelled({ orderId, customerId, reason, cancelledAt: new Date().toISOString() });
}

/** Delivers an event to this process's subscribers as the relay would (the inbox sees its id). */
export function deliver(s: Scenario, event: OrderConfirmed | OrderCancelled): Promise<void> {
  return s.app.get(LocalEventDispatcher).dispatch(toEnvelope(event));
}

/** Posts a sandbox carrier event to the webhook route, signed by the sandbox (now, or at `timestamp`). */
export function postTracking(s: Scenario, body: SandboxTrackingBody, timestamp?: number) {
  const { payload, headers } = s.app.get(SandboxCarrierProvider).signedDelivery(body, timestamp);
  return s.app.inject({ method: 'POST', url: '/shipping/webhooks/sandbox', payload, headers });
}

/** A carrier event of a parcel, `sequence`-th of its story. */
export function trackingEvent(
  trackingNumber: string,
  status: SandboxTrackingBody['status'],
  occurredAt: number,
  sequence: number,
): SandboxTrackingBody {
  return { id: `evt_${uuidv7()}`, trackingNumber, status, occurredAt, sequence };
}
