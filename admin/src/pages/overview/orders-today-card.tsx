import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { formatMoney } from '../../format';
import { QueryCard } from './card';
import { OVERVIEW_REFRESH_MS } from './refresh';

/** GET /orders/stats: orders and revenue since midnight UTC, and checkouts in flight. */
export function OrdersTodayCard() {
  const query = useQuery({ queryKey: ['order-stats'], queryFn: api.orderStats, refetchInterval: OVERVIEW_REFRESH_MS });
  return (
    <QueryCard title="Orders today" query={query}>
      {(stats) => {
        const inFlight = Object.entries(stats.inFlight.byState).filter(([, count]) => count > 0);
        const revenueOrders = stats.revenue.reduce((sum, row) => sum + row.orders, 0);
        return (
          <Stack gap="xs">
            <SimpleGrid cols={3}>
              <Figure label="Orders" value={String(stats.placed)} />
              <Figure
                label="Revenue"
                value={stats.revenue.length === 0 ? '—' : stats.revenue.map((r) => formatMoney(r.total)).join(' · ')}
              />
              <Figure label="Checkouts in flight" value={String(stats.inFlight.total)} />
            </SimpleGrid>
            <Text size="sm">
              Since 00:00 UTC: {stats.confirmed} confirmed · {stats.cancelled} cancelled (an order confirmed, then
              cancelled, counts in both) · revenue from {revenueOrders} confirmed{' '}
              {revenueOrders === 1 ? 'order' : 'orders'} not cancelled
              {inFlight.length > 0 && ` · in flight: ${inFlight.map(([state, n]) => `${state} ${n}`).join(', ')}`}
            </Text>
          </Stack>
        );
      }}
    </QueryCard>
  );
}

function Figure({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{label}</Text>
      <Text size="xl" fw={700} data-figure={label}>
        {value}
      </Text>
    </Stack>
  );
}
