import { Button, Group, Modal, Stack, type ButtonProps } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';
import { useMutateOnce } from './use-mutate-once';

/**
 * A button that opens a confirmation dialog before a destructive or money-moving action. The dialog
 * shows `children` (what will happen, and any inputs), runs `mutation` with `variables()` on
 * confirm, stays open with the problem when the API refuses, and closes when it succeeds.
 */
export function ConfirmAction<TVariables>({
  label,
  title,
  confirmLabel,
  mutation,
  variables,
  children,
  color = 'red',
  disabled,
  canConfirm = true,
  buttonProps,
}: {
  /** The button's text, e.g. "Cancel order". */
  readonly label: string;
  /** The dialog's title, e.g. "Cancel this order?". */
  readonly title: string;
  readonly confirmLabel: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly mutation: UseMutationResult<any, Error, TVariables>;
  readonly variables: () => TVariables;
  readonly children: ReactNode;
  readonly color?: string;
  readonly disabled?: boolean;
  /** False keeps the confirm button disabled (e.g. nothing chosen yet). */
  readonly canConfirm?: boolean;
  readonly buttonProps?: ButtonProps;
}) {
  const [opened, setOpened] = useState(false);
  const open = () => {
    mutation.reset();
    setOpened(true);
  };
  const mutate = useMutateOnce(mutation);
  const confirm = () => mutate(variables(), { onSuccess: () => setOpened(false) });
  return (
    <>
      <Button color={color} variant="outline" onClick={open} disabled={disabled} {...buttonProps}>
        {label}
      </Button>
      {/* The compound form: its header is a div, so the dialog adds no second banner landmark. */}
      <Modal.Root opened={opened} onClose={() => setOpened(false)} size="lg">
        <Modal.Overlay />
        <Modal.Content>
          <Modal.Header component="div">
            <Modal.Title fw={700}>{title}</Modal.Title>
            <Modal.CloseButton aria-label="Close" />
          </Modal.Header>
          <Modal.Body>
            <Stack>
              {children}
              {mutation.error && <ProblemAlert error={mutation.error} heading="Refused" />}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpened(false)}>
                  Back
                </Button>
                <Button color={color} onClick={confirm} loading={mutation.isPending} disabled={!canConfirm}>
                  {confirmLabel}
                </Button>
              </Group>
            </Stack>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}
