import { Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, type Budget, type Spend } from '../../api';
import { formatDecimal, utcToday } from '../../format';
import { QueryCard } from './card';
import { OVERVIEW_REFRESH_MS } from './refresh';

async function spendToday(): Promise<{ spend: Spend; budgets: readonly Budget[] }> {
  const { today, tomorrow } = utcToday();
  const [spend, budgets] = await Promise.all([api.spend(today, tomorrow), api.budgets()]);
  return { spend, budgets: budgets.items.filter((budget) => budget.active) };
}

/** GET /ai/spend for today and GET /ai/budgets: what AI cost today, against each active budget's window. */
export function AiSpendCard() {
  const query = useQuery({ queryKey: ['ai-spend-today'], queryFn: spendToday, refetchInterval: OVERVIEW_REFRESH_MS });
  return (
    <QueryCard title="AI spend today" query={query}>
      {({ spend, budgets }) => {
        const totals = Object.entries(spend.totals);
        return (
          <Stack gap="xs">
            {totals.length === 0 && <Text>No AI calls today.</Text>}
            {totals.map(([currency, total]) => (
              <Text key={currency}>
                {currency === 'unpriced' ? 'Unpriced calls' : formatDecimal(total.cost, currency)} · {total.calls} calls
              </Text>
            ))}
            {budgets.length === 0 && <Text size="sm">No active budget.</Text>}
            {budgets.map((budget) => {
              const label = `${budget.scope === 'global' ? 'All features' : budget.feature} (${budget.period})`;
              const used = Number(budget.limit) > 0 ? (Number(budget.window.spent) / Number(budget.limit)) * 100 : 0;
              return (
                <Stack key={budget.id} gap={2}>
                  <Text size="sm">
                    {label}: {formatDecimal(budget.window.spent, budget.currency)} of{' '}
                    {formatDecimal(budget.limit, budget.currency)}
                  </Text>
                  <Progress
                    value={Math.min(used, 100)}
                    color={used >= 100 ? 'red' : 'blue'}
                    aria-label={`${label} budget used`}
                  />
                </Stack>
              );
            })}
          </Stack>
        );
      }}
    </QueryCard>
  );
}
