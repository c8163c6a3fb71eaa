/** How an email left: over SMTP, or only into the dev mailbox (no SMTP server configured). */
export type Transport = 'smtp' | 'mailbox';

/** One email sent, as the delivery log keeps it. */
export interface Message {
  readonly id: string;
  /** The event that caused the email. */
  readonly eventId: string;
  /** The template's name, e.g. `order-confirmed`. */
  readonly template: string;
  readonly to: string;
  readonly subject: string;
  /** The bodies are kept only for the dev mailbox (they may hold secrets such as reset links). */
  readonly text: string | null;
  readonly html: string | null;
  readonly transport: Transport;
  /** The SMTP server's message id, once it accepted the email. */
  readonly providerMessageId: string | null;
  readonly sentAt: Date;
}
