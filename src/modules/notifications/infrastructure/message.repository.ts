import { Injectable } from '@nestjs/common';
import { columnsOf, placeholdersFor, valuesFor } from '../../../platform/database';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { Message, Transport } from '../domain/message';

/** The columns of a message: adding a field to `Message` is a compile error here until it is mapped. */
const COLUMNS = {
  id: 'id',
  eventId: 'event_id',
  template: 'template',
  to: 'to_address',
  subject: 'subject',
  text: 'text_body',
  html: 'html_body',
  transport: 'transport',
  providerMessageId: 'provider_message_id',
  sentAt: 'sent_at',
} satisfies Record<keyof Message, string>;

interface MessageRow {
  readonly id: string;
  readonly event_id: string;
  readonly template: string;
  readonly to_address: string;
  readonly subject: string;
  readonly text_body: string | null;
  readonly html_body: string | null;
  readonly transport: Transport;
  readonly provider_message_id: string | null;
  readonly sent_at: Date;
}

/** What a page of the delivery log may be narrowed to. */
export interface MessageFilter {
  /** Only messages older than this one (ids are UUIDv7: send order). */
  readonly beforeId?: string;
  /** Only messages to this address (compared case-insensitively). */
  readonly to?: string;
}

/** The delivery log in the notifications schema (`messages`). */
@Injectable()
export class MessageRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async add(tx: Transaction, message: Message): Promise<void> {
    await tx.manager.query(
      `INSERT INTO messages (${columnsOf(COLUMNS)}) VALUES (${placeholdersFor(COLUMNS)})`,
      valuesFor(COLUMNS, message),
    );
  }

  /** Records the id the SMTP server gave the message. */
  async setProviderMessageId(tx: Transaction, id: string, providerMessageId: string): Promise<void> {
    await tx.manager.query(`UPDATE messages SET provider_message_id = $2 WHERE id = $1`, [id, providerMessageId]);
  }

  /** Up to `take` messages, newest first, narrowed by `filter`; outside a transaction. */
  async list(filter: MessageFilter, take: number): Promise<Message[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.beforeId !== undefined) {
      values.push(filter.beforeId);
      where.push(`id < $${values.length}`);
    }
    if (filter.to !== undefined) {
      values.push(filter.to.trim().toLowerCase());
      where.push(`lower(to_address) = $${values.length}`);
    }
    values.push(take);
    const rows = (await this.uow.reader.query(
      `SELECT ${columnsOf(COLUMNS)} FROM messages ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT $${values.length}`,
      values,
    )) as MessageRow[];
    return rows.map(toMessage);
  }
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    eventId: row.event_id,
    template: row.template,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    transport: row.transport,
    providerMessageId: row.provider_message_id,
    sentAt: row.sent_at,
  };
}
