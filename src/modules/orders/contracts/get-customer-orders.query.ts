import { DataToolQuery, Money, QueryContract } from '../../../platform/messaging/contracts';

/** The model's arguments of `orders_customer_orders` (all optional). */
export interface CustomerOrdersArguments {
  /** One order's id (UUID). */
  readonly orderId?: string;
  /** Only orders in this status. */
  readonly status?: string;
  /** Whose orders: honoured only for a feature granted `orders:read:any`; `own` always reads the acting user's. */
  readonly customerId?: string;
}

/** What a model may know of an order: no address, no customer id, no payment token. */
export interface CustomerOrderRow {
  readonly orderId: string;
  /** `pending`, `confirmed`, `shipped` or `cancelled`. */
  readonly status: string;
  /** When it was placed (ISO 8601). */
  readonly placedAt: string;
  /** Total in minor units. */
  readonly total: Money;
  readonly itemCount: number;
  readonly lines: readonly {
    readonly sku: string;
    readonly title: string;
    readonly quantity: number;
    /** Unit price in minor units. */
    readonly unitPrice: Money;
  }[];
  readonly cancelReason: string | null;
  readonly carrier: string | null;
  /** When it was shipped (ISO 8601), or null. */
  readonly shippedAt: string | null;
}

/**
 * Data tool `orders_customer_orders` (scope `orders:read`, rows owned by customers: granted as
 * `orders:read:own` — the acting customer's orders only — or `orders:read:any`): orders newest
 * first, or one order by id. Another customer's order under `own` is zero rows, as if it did not exist.
 */
@QueryContract(
  'orders.GetCustomerOrders',
  () =>
    new GetCustomerOrders(
      { orderId: '0190a000-0000-7000-8000-000000000001' },
      { userId: '0190a000-0000-7000-8000-000000000002', reach: 'own' },
      10,
    ),
  {
    dataTool: {
      name: 'orders_customer_orders',
      description:
        "Orders, newest first, or one order by id: status, when placed, total in minor units, lines (SKU, title, quantity, unit price), cancel reason and shipping. A customer-facing feature sees only the signed-in customer's orders.",
      scope: 'orders:read',
      rowsOwnedBy: 'customer',
      parameters: {
        properties: {
          orderId: { type: 'string', format: 'uuid', description: "One order's id." },
          status: {
            type: 'string',
            description: 'Only orders in this status.',
            enum: ['pending', 'confirmed', 'shipped', 'cancelled'],
          },
          customerId: {
            type: 'string',
            format: 'uuid',
            description: "Whose orders (admin features only; ignored for a customer's own assistant).",
          },
        },
      },
      fields: ['orderId', 'status', 'placedAt', 'total', 'itemCount', 'lines', 'cancelReason', 'carrier', 'shippedAt'],
    },
  },
)
export class GetCustomerOrders extends DataToolQuery<CustomerOrdersArguments, CustomerOrderRow> {}
