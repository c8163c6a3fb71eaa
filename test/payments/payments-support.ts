import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AuthorizePayment, PaymentAuthorized, PaymentDeclined } from '../../src/modules/payments';
import { ModuleDataSources } from '../../src/platform/database';
import { Scenario } from '../support/scenario';

export const paymentsDb = (s: Scenario): DataSource => s.app.get(ModuleDataSources).get('payments')!;

export function authorize(
  token: string,
  overrides: Partial<{ orderId: string; customerId: string; amount: number; country: string }> = {},
): AuthorizePayment {
  return new AuthorizePayment(
    overrides.orderId ?? uuidv7(),
    overrides.customerId ?? uuidv7(),
    { amount: overrides.amount ?? 2500, currency: 'EUR' },
    'sandbox',
    token,
    overrides.country ?? 'US',
  );
}

/** The payment row of an order, its `bigint` amounts (strings from node-postgres) read as numbers. */
export async function paymentRow(s: Scenario, orderId: string): Promise<Record<string, unknown>> {
  const [row] = (await paymentsDb(s).query(`SELECT * FROM payments WHERE order_id = $1`, [orderId])) as Record<
    string,
    unknown
  >[];
  for (const column of ['amount', 'captured_amount', 'refunded_amount']) if (row) row[column] = Number(row[column]);
  return row;
}

/** Authorizes a `tok_visa` payment and waits for its `PaymentAuthorized`. */
export async function authorized(s: Scenario, customerId = uuidv7()): Promise<{ orderId: string; paymentId: string }> {
  const command = authorize('tok_visa', { customerId });
  await s.bus.execute(command);
  const event = await s.waitForEvent(PaymentAuthorized, (e) => e.payload.orderId === command.orderId);
  return { orderId: command.orderId, paymentId: event.payload.paymentId };
}

export { PaymentDeclined };
