import { Group } from '@mantine/core';
import type { Page } from '../../api';
import type { Order, Payment } from './orders-api';
import { CancelOrderAction } from './cancel-order-action';
import { MarkFraudAction } from './mark-fraud-action';
import { RefundLinesAction } from './refund-lines-action';
import { RefundPaymentAction } from './refund-payment-action';

/**
 * The admin's actions on an order, each confirmed in a dialog: cancel, refund everything still
 * captured, refund units of lines, label the payment fraudulent or legitimate. `changed` is called
 * after each, so the page refreshes what follows asynchronously.
 */
export function OrderActions({
  order,
  payments,
  changed,
}: {
  readonly order: Order;
  readonly payments: Page<Payment> | undefined;
  readonly changed: () => void;
}) {
  const refundable = payments?.items.find((p) => p.capturedAmount.amount > p.refundedAmount.amount);
  return (
    <Group aria-label="Order actions" role="group">
      <CancelOrderAction order={order} changed={changed} />
      <RefundPaymentAction order={order} payment={refundable} changed={changed} />
      <RefundLinesAction order={order} refundable={refundable !== undefined} changed={changed} />
      <MarkFraudAction order={order} hasPayment={(payments?.items.length ?? 0) > 0} changed={changed} />
    </Group>
  );
}
