import { List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { QueryCard } from './card';
import { OVERVIEW_REFRESH_MS } from './refresh';

/** GET /health/ready: each module's database and the other dependencies (details when the API shows them). */
export function ReadinessCard() {
  const query = useQuery({ queryKey: ['readiness'], queryFn: api.readiness, refetchInterval: OVERVIEW_REFRESH_MS });
  return (
    <QueryCard title="Readiness" query={query}>
      {(readiness) => {
        const checks = Object.entries({ ...readiness.info, ...readiness.error });
        return (
          <Stack gap="xs">
            <Text fw={700}>{readiness.status === 'ok' ? 'Ready' : 'Not ready'}</Text>
            {checks.length === 0 ? (
              <Text size="sm">The API shows no details to this session.</Text>
            ) : (
              <List size="sm" aria-label="Checks">
                {checks.map(([name, check]) => (
                  <List.Item key={name}>
                    {name}: {check.status}
                    {check.message ? ` (${check.message})` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      }}
    </QueryCard>
  );
}
