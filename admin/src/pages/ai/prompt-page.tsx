import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AiModal } from './ai-modal';
import { aiApi, type LabelMove, type PromptSummary, type PromptVersion } from './ai-api';
import { labelTargetText } from './label-badges';
import { LabelMoveDraft, LabelMoveModal } from './label-move-modal';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';
import { VersionForm } from './version-form';

/**
 * One prompt: its labels (move one: deploy), its versions (a new one; a diff between two), and the
 * label history (roll a move back).
 */
export function PromptPage() {
  const name = useParams().name ?? '';
  const prompt = useQuery({ queryKey: ['ai', 'prompts', 'one', name], queryFn: () => aiApi.prompt(name) });
  const versions = useQuery({ queryKey: ['ai', 'prompts', 'versions', name], queryFn: () => aiApi.versions(name) });
  const moves = useQuery({ queryKey: ['ai', 'prompts', 'moves', name], queryFn: () => aiApi.labelMoves(name) });
  const [draft, setDraft] = useState<LabelMoveDraft | null>(null);
  const [creating, { open, close }] = useDisclosure(false);
  const numbers = versions.data?.items.map((v) => v.version) ?? [];

  return (
    <Stack>
      <Anchor component={Link} to="..">
        All prompts
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>Prompt {name}</Title>
        <Button onClick={open} disabled={!versions.data}>
          New version
        </Button>
      </Group>
      <QueryState query={prompt} what="the prompt">
        {(summary) => (
          <>
            {summary.description && <Text>{summary.description}</Text>}
            <Labels summary={summary} onMove={setDraft} latest={summary.latestVersion} />
          </>
        )}
      </QueryState>
      <Title order={3}>Versions</Title>
      <QueryState query={versions} what="versions">
        {(page) => <Versions key={page.items[0]?.version} versions={page.items} />}
      </QueryState>
      <Title order={3}>Label history</Title>
      <QueryState query={moves} what="label history">
        {(page) => <Moves moves={page.items} onRollBack={setDraft} />}
      </QueryState>
      <LabelMoveModal name={name} versions={numbers} draft={draft} onClose={() => setDraft(null)} />
      <AiModal opened={creating} onClose={close} title={`New version of ${name}`} size="xl">
        {versions.data && <VersionForm name={name} base={versions.data.items[0]} onSaved={close} />}
      </AiModal>
    </Stack>
  );
}

function Labels({
  summary,
  latest,
  onMove,
}: {
  readonly summary: PromptSummary;
  readonly latest: number;
  readonly onMove: (draft: LabelMoveDraft) => void;
}) {
  const labels = Object.entries(summary.labels).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <Group justify="space-between">
        <Title order={3}>Labels</Title>
        <Button variant="default" onClick={() => onMove({ label: '', version: latest, title: 'New label' })}>
          New label
        </Button>
      </Group>
      {labels.length === 0 ? (
        <Text>No label: callers can only ask for a version or `latest`.</Text>
      ) : (
        <Table aria-label="Labels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Label</Table.Th>
              <Table.Th scope="col">Points to</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {labels.map(([label, target]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td>{labelTargetText(target)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Move ${label}`}
                    onClick={() => onMove({ label, version: target.version, title: `Move ${label}` })}
                  >
                    Move
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function Versions({ versions }: { readonly versions: readonly PromptVersion[] }) {
  const navigate = useNavigate();
  const [from, setFrom] = useState(String(versions[1]?.version ?? versions[0]?.version ?? ''));
  const [to, setTo] = useState(String(versions[0]?.version ?? ''));
  const options = versions.map((v) => ({ value: String(v.version), label: `v${v.version}` }));
  return (
    <>
      <Table striped aria-label="Versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Commit message</Table.Th>
            <Table.Th scope="col">Model</Table.Th>
            <Table.Th scope="col">Variables</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Th scope="row">v{v.version}</Table.Th>
              <Table.Td>{v.commitMessage}</Table.Td>
              <Table.Td>
                {v.settings.provider} / {v.settings.model}
              </Table.Td>
              <Table.Td>{v.variables.join(', ') || '—'}</Table.Td>
              <Table.Td>
                <Time iso={v.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {versions.length > 1 && (
        <Group
          component="form"
          align="flex-end"
          aria-label="Compare versions"
          onSubmit={(event) => {
            event.preventDefault();
            void navigate(`diff?from=${from}&to=${to}`);
          }}
        >
          <NativeSelect label="Compare" data={options} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <NativeSelect label="with" data={options} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button type="submit" variant="default">
            Show diff
          </Button>
        </Group>
      )}
    </>
  );
}

function Moves({
  moves,
  onRollBack,
}: {
  readonly moves: readonly LabelMove[];
  readonly onRollBack: (draft: LabelMoveDraft) => void;
}) {
  if (moves.length === 0) return <Text>No label has moved yet.</Text>;
  // Only a label's latest move can be rolled back (to where it pointed before).
  const latest = new Set<string>();
  return (
    <Table striped aria-label="Label history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">When</Table.Th>
          <Table.Th scope="col">Label</Table.Th>
          <Table.Th scope="col">From</Table.Th>
          <Table.Th scope="col">To</Table.Th>
          <Table.Th scope="col">Reason</Table.Th>
          <Table.Th scope="col">Action</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {moves.map((move) => {
          const first = !latest.has(move.label);
          latest.add(move.label);
          const back = first && move.from ? move.from.version : null;
          return (
            <Table.Tr key={move.id}>
              <Table.Td>
                <Time iso={move.movedAt} />
              </Table.Td>
              <Table.Th scope="row">{move.label}</Table.Th>
              <Table.Td>{move.from ? labelTargetText(move.from) : 'created'}</Table.Td>
              <Table.Td>{move.to ? labelTargetText(move.to) : 'removed'}</Table.Td>
              <Table.Td>{move.reason ?? '—'}</Table.Td>
              <Table.Td>
                {back !== null && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Roll ${move.label} back to v${back}`}
                    onClick={() =>
                      onRollBack({
                        label: move.label,
                        version: back,
                        reason: `Roll back to v${back}`,
                        title: `Roll back ${move.label}`,
                      })
                    }
                  >
                    Roll back
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
