import { Alert, Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { AiModal } from './ai-modal';
import { aiApi } from './ai-api';
import { ProblemAlert } from '../../components/problem-alert';
import { useMutateOnce } from '../../components/use-mutate-once';

/** The labels only an admin may move, which serve customers: moving one asks for an explicit confirmation. */
export const PROTECTED_LABELS: readonly string[] = ['production'];

/** What the modal opens with: the label (empty: the person names it), the version, why. */
export interface LabelMoveDraft {
  readonly label: string;
  readonly version: number;
  readonly reason?: string;
  /** The title: "Move label", "Roll back production"… */
  readonly title: string;
}

/**
 * Confirms a label move (PUT /ai/prompts/:name/labels/:label): deploy, roll back. A protected label
 * (`production`) is moved only once the person ticks that they mean it. Closes on success.
 */
export function LabelMoveModal({
  name,
  versions,
  draft,
  onClose,
}: {
  readonly name: string;
  /** The prompt's versions, newest first. */
  readonly versions: readonly number[];
  readonly draft: LabelMoveDraft | null;
  readonly onClose: () => void;
}) {
  return (
    <AiModal opened={draft !== null} onClose={onClose} title={draft?.title ?? ''}>
      {draft && (
        <LabelMoveForm key={JSON.stringify(draft)} name={name} versions={versions} draft={draft} onDone={onClose} />
      )}
    </AiModal>
  );
}

function LabelMoveForm({
  name,
  versions,
  draft,
  onDone,
}: {
  readonly name: string;
  readonly versions: readonly number[];
  readonly draft: LabelMoveDraft;
  readonly onDone: () => void;
}) {
  const client = useQueryClient();
  const [label, setLabel] = useState(draft.label);
  const [version, setVersion] = useState(String(draft.version));
  const [reason, setReason] = useState(draft.reason ?? '');
  const [confirmed, setConfirmed] = useState(false);
  const isProtected = PROTECTED_LABELS.includes(label.trim());
  const move = useMutation({
    mutationFn: () => aiApi.moveLabel(name, label.trim(), Number(version), reason.trim() || undefined),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['ai', 'prompts'] });
      onDone();
    },
  });
  const moveOnce = useMutateOnce(move);
  function submit(event: FormEvent) {
    event.preventDefault();
    moveOnce(undefined);
  }
  return (
    <Stack component="form" onSubmit={submit} aria-label="Move label">
      {move.error && <ProblemAlert error={move.error} heading="Not moved" />}
      <TextInput
        label="Label"
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        readOnly={draft.label !== ''}
        required
      />
      <NativeSelect
        label="Version"
        data={versions.map((v) => ({ value: String(v), label: `v${v}` }))}
        value={version}
        onChange={(e) => setVersion(e.currentTarget.value)}
      />
      <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
      {isProtected && (
        <>
          <Alert color="red.9" variant="outline" title={`${label.trim()} is protected`}>
            Every call that asks for this label gets v{version} from its next call on.
          </Alert>
          <Checkbox
            label={`I mean to point ${label.trim()} at v${version}`}
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
          />
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={move.isPending} disabled={isProtected && !confirmed}>
          Move {label.trim() || 'label'} to v{version}
        </Button>
      </Group>
    </Stack>
  );
}
