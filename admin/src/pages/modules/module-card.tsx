import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { ModuleHost, ModuleMapEntry } from './modules-api';

/** Who hosts a module, as a heading says it. */
export function hostLabel(host: ModuleHost): string {
  switch (host.kind) {
    case 'this-process':
      return 'Hosted by this process';
    case 'gateway':
      return `Hosted by ${host.upstream ?? 'another process'} (through the gateway)`;
    case 'broker':
      return 'Hosted by another process (reached over the broker)';
    default:
      return 'Not reachable from this process';
  }
}

/** One module: its summary, host, URL prefixes, and the contracts it publishes, handles and consumes. */
export function ModuleCard({ module }: { readonly module: ModuleMapEntry }) {
  const id = useId();
  return (
    <Card withBorder component="article" aria-labelledby={id} id={`module-${module.name}`}>
      <Title order={3} size="h4" id={id}>
        {module.name}
      </Title>
      <Text mb="xs">{module.summary}</Text>
      <Text size="sm" mb="xs" data-host>
        {hostLabel(module.host)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Names title="URL prefixes" names={module.urlPrefixes.map((prefix) => `/${prefix}`)} />
        <Names title="Publishes" names={module.publishes} />
        <Names title="Subscribes to" names={module.subscribesTo} />
        <Names title="Handles commands" names={module.handlesCommands} />
        <Names title="Answers queries" names={module.answersQueries} />
        <Names title="May use the contracts of" names={module.allowedDependencies} />
      </SimpleGrid>
    </Card>
  );
}

function Names({ title, names }: { readonly title: string; readonly names: readonly string[] }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      {names.length === 0 ? (
        <Text size="sm">none</Text>
      ) : (
        <Text size="sm" component="ul" m={0} pl="md" aria-label={title}>
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </Text>
      )}
    </Stack>
  );
}
