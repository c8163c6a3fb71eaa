import { Table } from '@mantine/core';
import type { Money } from '../../api';
import { formatMoney } from '../../format';
import type { Order } from './orders-api';
import { formatRate } from './order-lines-table';

interface Row {
  readonly label: string;
  readonly amount: string;
  readonly strong?: boolean;
}

/**
 * The order's totals as the rows that make them: subtotal, one row per promotion (what it took off
 * lines and shipping), shipping, tax (added, or "included" and not added again), total.
 */
export function TotalsBreakdown({ order }: { readonly order: Order }) {
  const { totals } = order;
  const minus = (money: Money) => `−${formatMoney(money)}`;
  const discounts: Row[] =
    order.promotions.length > 0
      ? order.promotions.map((p) => ({
          label: `Discount ${p.code ?? '(automatic)'} · ${p.benefit.replaceAll('-', ' ')}`,
          amount: minus(p.amount),
        }))
      : totals.discountTotal.amount > 0
        ? [{ label: 'Discount', amount: minus(totals.discountTotal) }]
        : [];
  const shipping = order.shippingMethod ? `Shipping · ${order.shippingMethod.name}` : 'Shipping';
  const taxLabel = `Tax${order.taxCountry ? ` (${order.taxCountry})` : ''}${
    order.shippingPricing
      ? `, of which shipping ${formatMoney(order.shippingPricing.tax)} at ${formatRate(order.shippingPricing.taxRatePpm)}`
      : ''
  }`;
  const rows: Row[] = [
    {
      label: `Subtotal · ${totals.itemCount} item${totals.itemCount === 1 ? '' : 's'}`,
      amount: formatMoney(totals.subtotal),
    },
    ...discounts,
    { label: shipping, amount: formatMoney(totals.shippingTotal) },
    totals.taxIncluded
      ? { label: `${taxLabel}, included in the prices`, amount: `(${formatMoney(totals.taxTotal)})` }
      : { label: taxLabel, amount: formatMoney(totals.taxTotal) },
    { label: 'Total', amount: formatMoney(totals.total), strong: true },
  ];
  return (
    <Table withTableBorder aria-label="Totals" maw={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Part</Table.Th>
          <Table.Th scope="col" ta="right">
            Amount
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label} fw={row.strong ? 700 : undefined}>
            <Table.Th scope="row" fw={row.strong ? 700 : 400}>
              {row.label}
            </Table.Th>
            <Table.Td ta="right" data-total={row.label.split(' ')[0]}>
              {row.amount}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
