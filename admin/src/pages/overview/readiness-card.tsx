import { Badge, Group, Stack, Text } from '@mantine/core';
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
            <Group>
              <Text>Overall</Text>
              <Badge color={readiness.status === 'ok' ? 'green' : 'red'}>
                {readiness.status === 'ok' ? 'ready' : 'not ready'}
              </Badge>
            </Group>
            {checks.length === 0 && <Text size="sm">The API shows no details to this session.</Text>}
            <Group gap="xs" aria-label="Checks">
              {checks.map(([name, check]) => (
                <Badge key={name} variant="light" color={check.status === 'up' ? 'green' : 'red'} title={check.message}>
                  {name}: {check.status}
                </Badge>
              ))}
            </Group>
          </Stack>
        );
      }}
    </QueryCard>
  );
}
