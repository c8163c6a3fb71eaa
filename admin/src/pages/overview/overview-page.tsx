import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AiSpendCard } from './ai-spend-card';
import { MessagingCard } from './messaging-card';
import { OrdersTodayCard } from './orders-today-card';
import { ReadinessCard } from './readiness-card';
import { OVERVIEW_REFRESH_MS } from './refresh';

/** The shop and its machinery at a glance; every card refreshes itself every 10 s. */
export function OverviewPage() {
  return (
    <Stack>
      <Title order={1}>Overview</Title>
      <Text size="sm">Refreshed every {OVERVIEW_REFRESH_MS / 1000} seconds.</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <OrdersTodayCard />
        <ReadinessCard />
        <AiSpendCard />
      </SimpleGrid>
      <MessagingCard />
    </Stack>
  );
}
