import { Modal, type ModalProps } from '@mantine/core';

/**
 * Mantine's modal as an accessible dialog: a named close button, and its header is not a second
 * `banner` landmark of the page (Mantine renders it as a <header>).
 */
export function AiModal(props: ModalProps) {
  return <Modal closeButtonProps={{ 'aria-label': 'Close' }} attributes={{ header: { role: 'none' } }} {...props} />;
}
