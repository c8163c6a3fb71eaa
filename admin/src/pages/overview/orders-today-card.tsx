import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, type Money, type OrderSummary } from '../../api';
import { formatMoney, utcToday } from '../../format';
import { QueryCard } from './card';
import { OVERVIEW_REFRESH_MS } from './refresh';

/** At most this many orders are read to count today's (the list has no date filter). */
const MOST_ORDERS = 500;

export interface OrdersToday {
  readonly count: number;
  /** More orders today than were read. */
  readonly more: boolean;
  /** Totals of today's orders that are not cancelled, per currency. */
  readonly revenue: readonly Money[];
  /** Orders still pending (checkouts in flight), up to 100. */
  readonly inFlight: number;
  readonly inFlightMore: boolean;
}

/** Reads GET /orders newest first until yesterday (or MOST_ORDERS), and the pending ones. */
export async function ordersToday(): Promise<OrdersToday> {
  const { start } = utcToday();
  const today: OrderSummary[] = [];
  let cursor: string | undefined;
  let more = false;
  for (;;) {
    const page = await api.orders({ limit: 100, cursor });
    const fresh = page.items.filter((order) => new Date(order.createdAt) >= start);
    today.push(...fresh);
    if (fresh.length < page.items.length || page.nextCursor === null) break;
    if (today.length >= MOST_ORDERS) {
      more = true;
      break;
    }
    cursor = page.nextCursor;
  }
  const revenue = new Map<string, number>();
  for (const order of today) {
    if (order.status === 'cancelled') continue;
    const { amount, currency } = order.totals.total;
    revenue.set(currency, (revenue.get(currency) ?? 0) + amount);
  }
  const pending = await api.orders({ limit: 100, status: 'pending' });
  return {
    count: today.length,
    more,
    revenue: [...revenue].map(([currency, amount]) => ({ amount, currency })),
    inFlight: pending.items.length,
    inFlightMore: pending.nextCursor !== null,
  };
}

/** Orders and revenue since midnight UTC, and checkouts in flight (pending orders). */
export function OrdersTodayCard() {
  const query = useQuery({ queryKey: ['orders-today'], queryFn: ordersToday, refetchInterval: OVERVIEW_REFRESH_MS });
  return (
    <QueryCard title="Orders today" query={query}>
      {(orders) => (
        <SimpleGrid cols={3}>
          <Figure label="Orders" value={`${orders.count}${orders.more ? '+' : ''}`} />
          <Figure
            label="Revenue"
            value={orders.revenue.length === 0 ? '—' : orders.revenue.map(formatMoney).join(' · ')}
          />
          <Figure label="Checkouts in flight" value={`${orders.inFlight}${orders.inFlightMore ? '+' : ''}`} />
        </SimpleGrid>
      )}
    </QueryCard>
  );
}

function Figure({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{label}</Text>
      <Group>
        <Text size="xl" fw={700} data-figure={label}>
          {value}
        </Text>
      </Group>
    </Stack>
  );
}
