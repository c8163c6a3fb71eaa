import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { AiModal } from './ai-modal';
import { aiApi } from './ai-api';
import { LabelBadges } from './label-badges';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';
import { VersionForm } from './version-form';

/** GET /ai/prompts: every prompt with its labels and latest version; a new prompt from here. */
export function PromptsPage() {
  const query = useQuery({ queryKey: ['ai', 'prompts', 'list'], queryFn: () => aiApi.prompts() });
  const [creating, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Prompts</Title>
        <Button onClick={open}>New prompt</Button>
      </Group>
      <QueryState query={query} what="prompts">
        {(page) =>
          page.items.length === 0 ? (
            <Text>No prompt yet.</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Prompt</Table.Th>
                  <Table.Th scope="col">Description</Table.Th>
                  <Table.Th scope="col">Latest version</Table.Th>
                  <Table.Th scope="col">Labels</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((prompt) => (
                  <Table.Tr key={prompt.name}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`prompts/${encodeURIComponent(prompt.name)}`}>
                        {prompt.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{prompt.description || '—'}</Table.Td>
                    <Table.Td>v{prompt.latestVersion}</Table.Td>
                    <Table.Td>
                      <LabelBadges labels={prompt.labels} />
                    </Table.Td>
                    <Table.Td>
                      <Time iso={prompt.createdAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <AiModal opened={creating} onClose={close} title="New prompt" size="xl">
        <VersionForm
          onSaved={(version) => {
            close();
            void navigate(`prompts/${encodeURIComponent(version.promptName)}`);
          }}
        />
      </AiModal>
    </Stack>
  );
}
