import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state';
import { HostingTable } from './hosting-table';
import { ModuleCard, hostLabel } from './module-card';
import { modulesApi, type ModuleMapEntry } from './modules-api';

/**
 * Modules: the module map generated from the code (GET /admin/modules), grouped by the process
 * that hosts each module now, each with what it publishes, consumes and answers, and its URLs.
 */
export function ModulesPage() {
  const query = useQuery({ queryKey: ['module-map'], queryFn: modulesApi.map });
  return (
    <Stack>
      <Title order={1}>Modules</Title>
      <QueryState query={query} what="the module map">
        {(map) => {
          const groups = new Map<string, ModuleMapEntry[]>();
          const sorted = [...map.modules].sort((a, b) => a.name.localeCompare(b.name));
          for (const module of sorted) {
            const label = hostLabel(module.host);
            groups.set(label, [...(groups.get(label) ?? []), module]);
          }
          return (
            <>
              <Text>
                {map.modules.length} modules; this process hosts {map.hosted.length} of them; messages travel{' '}
                {map.transport === 'nats' ? 'over NATS between processes' : 'in process'}.
              </Text>
              <HostingTable modules={sorted} />
              {[...groups].map(([label, modules]) => (
                <Stack key={label} gap="xs" component="section" aria-label={label}>
                  <Title order={2} size="h3">
                    {label} ({modules.length})
                  </Title>
                  {modules.map((module) => (
                    <ModuleCard key={module.name} module={module} />
                  ))}
                </Stack>
              ))}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
