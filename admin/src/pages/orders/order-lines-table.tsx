import { Table } from '@mantine/core';
import { formatMoney } from '../../format';
import type { OrderLine } from './orders-api';

/** Parts per million as a percentage: 190000 → "19 %". */
export function formatRate(ppm: number): string {
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 }).format(ppm / 10_000)} %`;
}

/** The order's lines with each line's price, discount, tax and total, and the units refunded so far. */
export function OrderLinesTable({ lines }: { readonly lines: readonly OrderLine[] }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped withTableBorder aria-label="Order lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Line</Table.Th>
            <Table.Th scope="col">SKU</Table.Th>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Quantity</Table.Th>
            <Table.Th scope="col">Unit price</Table.Th>
            <Table.Th scope="col">Before discount</Table.Th>
            <Table.Th scope="col">Discount</Table.Th>
            <Table.Th scope="col">Tax</Table.Th>
            <Table.Th scope="col">Total</Table.Th>
            <Table.Th scope="col">Refunded units</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.lineNo}>
              <Table.Th scope="row">{line.lineNo}</Table.Th>
              <Table.Td>{line.sku}</Table.Td>
              <Table.Td>{line.title}</Table.Td>
              <Table.Td>{line.quantity}</Table.Td>
              <Table.Td>{formatMoney(line.unitPrice)}</Table.Td>
              <Table.Td>{formatMoney(line.lineTotal)}</Table.Td>
              <Table.Td>
                {line.discount.amount === 0 ? '—' : `−${formatMoney(line.discount)}`}
                {line.byPromotion.length > 0 && ` (${line.byPromotion.map((p) => p.code ?? 'automatic').join(', ')})`}
              </Table.Td>
              <Table.Td>
                {formatMoney(line.tax)} ({formatRate(line.taxRatePpm)})
              </Table.Td>
              <Table.Td>{formatMoney(line.total)}</Table.Td>
              <Table.Td>{line.refundedUnits}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
