import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiProblemAlert } from './api-problem';

/**
 * A dialog that asks before a destructive action: `title` names it (the dialog's accessible name),
 * `children` say what will happen, `confirmLabel` is the red button; `error` (the failed call) is
 * shown inside. Built from Modal's parts so its header is a plain element (Mantine's `<header>` is
 * a second banner landmark to axe), its close button has a name, and its red is one shade darker
 * (white on red.8 fails WCAG AA contrast).
 */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  busy,
  error,
  onConfirm,
  onClose,
}: {
  readonly opened: boolean;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  readonly busy: boolean;
  readonly error?: unknown;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}) {
  return (
    <Modal.Root opened={opened} onClose={onClose} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title fw={700}>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>
          <Stack>
            {children}
            {error ? <ApiProblemAlert error={error} title={`${confirmLabel}: not done`} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {cancelLabel}
              </Button>
              <Button color="red.9" loading={busy} onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </Group>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
