import { Anchor, Stack, Table, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';
import { formatMoney } from '../../format';
import { OrderFiltersForm, type FilterFields } from './order-filters-form';
import { ordersApi, type OrderFilters } from './orders-api';

const PAGE_SIZE = 20;

/**
 * A YYYY-MM-DD day from the address, or '' when it is missing or no calendar day (`2026-13-45`,
 * `<script>`): a hand-edited or hostile link shows the list without that filter instead of
 * throwing while rendering (`toISOString` of an invalid date).
 */
function dayParam(value: string | null): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : '';
}

/** Local midnight of a YYYY-MM-DD day (plus `days`), as an ISO 8601 instant. */
function startOfDay(day: string, days = 0): string {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + days);
  return date.toISOString();
}

/** The API's filters from the form's: "until" a day includes it, so `placedTo` is the next midnight. */
function toFilters(fields: FilterFields): OrderFilters {
  return {
    ...(fields.status ? { status: fields.status } : {}),
    ...(fields.customerId ? { customerId: fields.customerId } : {}),
    ...(fields.fromDay ? { placedFrom: startOfDay(fields.fromDay) } : {}),
    ...(fields.toDay ? { placedTo: startOfDay(fields.toDay, 1) } : {}),
  };
}

/**
 * /orders: every order, newest first, filtered by status, customer and the days it was placed
 * (kept in the address, so a filtered list can be linked), 20 a page with Next and Previous.
 */
export function OrderListPage() {
  const [params, setParams] = useSearchParams();
  const fields: FilterFields = {
    status: params.get('status') ?? '',
    customerId: params.get('customer') ?? '',
    fromDay: dayParam(params.get('from')),
    toDay: dayParam(params.get('until')),
  };
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const filters = toFilters(fields);
  const query = useQuery({
    queryKey: ['orders', filters, cursor],
    queryFn: () => ordersApi.list(filters, cursor, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  function apply(next: FilterFields) {
    const search = new URLSearchParams();
    if (next.status) search.set('status', next.status);
    if (next.customerId) search.set('customer', next.customerId);
    if (next.fromDay) search.set('from', next.fromDay);
    if (next.toDay) search.set('until', next.toDay);
    pages.reset();
    setParams(search);
  }
  return (
    <Stack>
      <Title order={1}>Orders</Title>
      <OrderFiltersForm fields={fields} apply={apply} />
      <QueryState query={query} what="the orders">
        {(page) => (
          <Stack>
            <Table striped withTableBorder aria-label="Orders" aria-busy={query.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Order</Table.Th>
                  <Table.Th scope="col">Placed</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Customer</Table.Th>
                  <Table.Th scope="col">Items</Table.Th>
                  <Table.Th scope="col">Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>No order matches these filters.</Table.Td>
                  </Table.Tr>
                )}
                {page.items.map((order) => (
                  <Table.Tr key={order.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/orders/${order.id}`} ff="monospace" size="sm">
                        {order.id}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <Time iso={order.createdAt} />
                    </Table.Td>
                    <Table.Td>{order.status.replaceAll('_', ' ')}</Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {order.customerId}
                    </Table.Td>
                    <Table.Td>{order.totals.itemCount}</Table.Td>
                    <Table.Td>{formatMoney(order.totals.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
