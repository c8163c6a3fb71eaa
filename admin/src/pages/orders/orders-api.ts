import { request, type Money, type Page } from '../../api';

/** One line of an order; money in integer minor units of the order's currency. */
export interface OrderLine {
  readonly lineNo: number;
  readonly productId: string;
  readonly variantId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  /** unit price × quantity, before the discount. */
  readonly lineTotal: Money;
  readonly discount: Money;
  readonly tax: Money;
  /** Parts per million (190 000 = 19 %). */
  readonly taxRatePpm: number;
  readonly total: Money;
  readonly byPromotion: readonly {
    readonly promotionId: string;
    readonly code: string | null;
    readonly amount: Money;
  }[];
  readonly refundedUnits: number;
}

/** total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal). */
export interface OrderTotals {
  readonly subtotal: Money;
  readonly discountTotal: Money;
  readonly shippingTotal: Money;
  readonly taxTotal: Money;
  readonly taxIncluded: boolean;
  readonly total: Money;
  readonly itemCount: number;
}

/** GET /orders/:id. */
export interface Order {
  readonly id: string;
  readonly status: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  readonly totals: OrderTotals;
  readonly shippingMethod: { readonly id: string; readonly name: string } | null;
  readonly shippingPricing: {
    readonly amount: Money;
    readonly discount: Money;
    readonly tax: Money;
    readonly taxRatePpm: number;
    readonly total: Money;
  } | null;
  readonly promotions: readonly {
    readonly promotionId: string;
    readonly code: string | null;
    readonly benefit: string;
    readonly amount: Money;
  }[];
  readonly taxCountry: string | null;
  readonly shippingAddress: {
    readonly name: string;
    readonly line1: string;
    readonly line2: string | null;
    readonly city: string;
    readonly postalCode: string;
    readonly country: string;
  };
  readonly timeline: readonly {
    readonly status: string;
    readonly at: string;
    readonly reason?: string;
    readonly amount?: Money;
  }[];
  readonly cancelReason?: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** A message orders sent (a saga step's command or an event), with its delivery. */
export interface SagaMessage {
  readonly type: string;
  readonly id: string;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly status: 'pending' | 'delivered' | 'dead';
  readonly attempts: number;
  readonly lastError: string | null;
}

/** A reply the checkout received; a timeline milestone when `id` is null. */
export interface SagaReply {
  readonly type: string;
  readonly id: string | null;
  readonly receivedAt: string;
}

export interface SagaStep {
  readonly step: string;
  readonly compensation: boolean;
  readonly message: SagaMessage;
  readonly causedBy: SagaReply | null;
  readonly reply: SagaReply | null;
}

/** GET /orders/:id/saga: the checkout saga as a timeline. */
export interface CheckoutSaga {
  readonly orderId: string;
  readonly orderStatus: string;
  readonly state: string | null;
  readonly outcome: 'in_flight' | 'confirmed' | 'completed' | 'cancelled';
  readonly stepDeadline: string | null;
  readonly cancellation: { readonly reason: string; readonly at: string; readonly causedBy: SagaReply | null } | null;
  readonly steps: readonly SagaStep[];
  readonly events: readonly SagaMessage[];
  readonly milestones: readonly { readonly status: string; readonly reason: string | null; readonly at: string }[];
}

/** GET /payments?orderId=: one payment (risk fields for admins). */
export interface Payment {
  readonly id: string;
  readonly orderId: string;
  readonly status: string;
  readonly amount: Money;
  readonly capturedAmount: Money;
  readonly refundedAmount: Money;
  readonly provider: string;
  readonly last4: string | null;
  readonly riskScore?: number;
  readonly riskDecision?: string;
  readonly createdAt: string;
}

/** GET /shipping/shipments?orderId=: a parcel of some units of the order. */
export interface Shipment {
  readonly id: string;
  readonly status: string;
  readonly lines: readonly { readonly lineNo: number; readonly variantId: string; readonly quantity: number }[];
  readonly method: { readonly id: string; readonly name: string } | null;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly exceptionReason: string | null;
  readonly packedAt: string | null;
  readonly dispatchedAt: string | null;
  readonly deliveredAt: string | null;
  readonly cancelledAt: string | null;
}

/** GET and PUT /payments/fraud-labels/:orderId answer the label of the order's payment. */
export interface FraudLabel {
  readonly paymentId: string;
  readonly orderId: string;
  readonly fraudulent: boolean;
  /** dispute (a chargeback), admin (an admin's mark) or review (a review's outcome). */
  readonly source: string;
  /** `admin:<user id>`, `provider:<name>` or `deadline`. */
  readonly labelledBy: string;
  readonly note: string | null;
  /** ISO 8601 instant of the last write. */
  readonly labelledAt: string;
}

/** The filters of the orders list; the instants are ISO 8601 (from inclusive, to exclusive). */
export interface OrderFilters {
  readonly status?: string;
  readonly customerId?: string;
  readonly placedFrom?: string;
  readonly placedTo?: string;
}

/** The order summaries GET /orders lists (the whole order view, of which the list shows a few fields). */
export type OrderPage = Page<Order>;

/** The calls of the Orders page. An Idempotency-Key makes a retried action the same action. */
export const ordersApi = {
  list: (filters: OrderFilters, cursor: string | undefined, limit: number) =>
    request<OrderPage>(`/orders${query({ ...filters, cursor, limit })}`),
  get: (id: string) => request<Order>(`/orders/${encodeURIComponent(id)}`),
  saga: (id: string) => request<CheckoutSaga>(`/orders/${encodeURIComponent(id)}/saga`),
  /** 404 means the order has no payment (yet): answered as an empty list. */
  payments: (orderId: string) => orNone(request<Page<Payment>>(`/payments${query({ orderId })}`)),
  shipments: (orderId: string) => request<Page<Shipment>>(`/shipping/shipments${query({ orderId, limit: 100 })}`),
  cancel: (id: string, key: string) =>
    request<Order>(`/orders/${encodeURIComponent(id)}/cancel`, { method: 'POST', headers: { 'idempotency-key': key } }),
  /** Refunds all that is captured and not refunded yet (lines and shipping). */
  refundPayment: (paymentId: string, reason: string, key: string) =>
    request<unknown>(`/payments/${encodeURIComponent(paymentId)}/refund`, {
      method: 'POST',
      body: { reason },
      headers: { 'idempotency-key': key },
    }),
  refundLines: (id: string, lines: readonly { lineNo: number; quantity: number }[], reason: string, key: string) =>
    request<{ total: Money }>(`/orders/${encodeURIComponent(id)}/refunds`, {
      method: 'POST',
      body: { lines, reason },
      headers: { 'idempotency-key': key },
    }),
  /** The current label; null when the payment has none (or the order no payment): a 404. */
  fraudLabel: (orderId: string) =>
    request<FraudLabel>(`/payments/fraud-labels/${encodeURIComponent(orderId)}`).catch((error: unknown) => {
      if (error instanceof Error && 'status' in error && error.status === 404) return null;
      throw error;
    }),
  label: (orderId: string, fraudulent: boolean, note: string) =>
    request<FraudLabel>(`/payments/fraud-labels/${encodeURIComponent(orderId)}`, {
      method: 'PUT',
      body: note ? { fraudulent, note } : { fraudulent },
    }),
};

async function orNone<T>(answer: Promise<Page<T>>): Promise<Page<T>> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof Error && 'status' in error && error.status === 404) return { items: [], nextCursor: null };
    throw error;
  }
}

/** A query string of the defined, non-empty values. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
