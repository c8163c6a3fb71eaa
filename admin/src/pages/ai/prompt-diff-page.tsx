import { Anchor, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { diffLines } from 'diff';
import { Link, useParams, useSearchParams } from 'react-router';
import { aiApi, type PromptVersion } from './ai-api';
import { versionText } from './prompt-text';
import { QueryState } from '../../components/query-state';

/** One line of a diff: its number in the old and the new text (null where it is not in one), its text. */
export interface DiffLine {
  readonly kind: 'added' | 'removed' | 'same';
  readonly oldLine: number | null;
  readonly newLine: number | null;
  readonly text: string;
}

/** The line diff (jsdiff) of two versions' texts (see versionText), numbered. */
export function diffVersions(from: PromptVersion, to: PromptVersion): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const change of diffLines(versionText(from), versionText(to))) {
    const texts = change.value.replace(/\n$/, '').split('\n');
    for (const text of texts) {
      if (change.added) lines.push({ kind: 'added', oldLine: null, newLine: newLine++, text });
      else if (change.removed) lines.push({ kind: 'removed', oldLine: oldLine++, newLine: null, text });
      else lines.push({ kind: 'same', oldLine: oldLine++, newLine: newLine++, text });
    }
  }
  return lines;
}

const SIGN = { added: '+', removed: '-', same: ' ' } as const;
const BACKGROUND = {
  added: 'var(--mantine-color-green-0)',
  removed: 'var(--mantine-color-red-0)',
  same: undefined,
} as const;

/** `prompts/:name/diff?from=1&to=2`: what changed between two versions (template, variables, settings). */
export function PromptDiffPage() {
  const name = useParams().name ?? '';
  const [params] = useSearchParams();
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  const query = useQuery({
    queryKey: ['ai', 'prompts', 'diff', name, from, to],
    queryFn: () => Promise.all([aiApi.version(name, from), aiApi.version(name, to)]),
  });
  return (
    <Stack>
      <Anchor component={Link} to=".." relative="path">
        Back to {name}
      </Anchor>
      <Title order={2}>
        Diff of {name}: v{from} → v{to}
      </Title>
      <QueryState query={query} what="the versions">
        {([a, b]) => {
          const lines = diffVersions(a, b);
          const added = lines.filter((l) => l.kind === 'added').length;
          const removed = lines.filter((l) => l.kind === 'removed').length;
          return (
            <>
              <Text>
                {added} lines added, {removed} lines removed. v{a.version}: “{a.commitMessage}”; v{b.version}: “
                {b.commitMessage}”.
              </Text>
              <Table ff="monospace" fz="sm" verticalSpacing={0} withColumnBorders>
                <caption>
                  <VisuallyHidden>
                    Lines of v{a.version} and v{b.version}; + added in v{b.version}, - removed from v{a.version}
                  </VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">v{a.version}</Table.Th>
                    <Table.Th scope="col">v{b.version}</Table.Th>
                    <Table.Th scope="col">Change</Table.Th>
                    <Table.Th scope="col">Text</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((line, index) => (
                    <Table.Tr key={index} data-change={line.kind} style={{ background: BACKGROUND[line.kind] }}>
                      <Table.Td>{line.oldLine ?? ''}</Table.Td>
                      <Table.Td>{line.newLine ?? ''}</Table.Td>
                      <Table.Td>
                        <span aria-hidden="true">{SIGN[line.kind]}</span>
                        {line.kind !== 'same' && <VisuallyHidden>{line.kind}</VisuallyHidden>}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{line.text}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
