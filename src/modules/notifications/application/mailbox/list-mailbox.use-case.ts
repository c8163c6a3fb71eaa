import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, Page } from '../../../../platform/http';
import { Transport } from '../../domain/message';
import { MessageRepository } from '../../infrastructure/message.repository';

/** A page of the mailbox: its size, where it starts, and optionally one recipient. */
export interface ListMailboxInput {
  readonly limit: number;
  readonly cursor?: string;
  /** Only messages to this address. */
  readonly to?: string;
}

/** One email of the mailbox, as the API shows it. */
export interface MailboxItem {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string | null;
  readonly html: string | null;
  readonly template: string;
  readonly transport: Transport;
  readonly sentAt: string;
}

/** Sent emails, newest first (ids are UUIDv7), optionally only those to one address. */
@Injectable()
export class ListMailboxUseCase {
  constructor(private readonly messages: MessageRepository) {}

  async execute(input: ListMailboxInput): Promise<Page<MailboxItem>> {
    // A `uuid` cursor field is checked to be one (never null).
    const beforeId = input.cursor === undefined ? undefined : (decodeCursor(input.cursor, { id: 'uuid' }).id as string);
    const rows = await this.messages.list({ beforeId, to: input.to }, input.limit + 1);
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        template: m.template,
        transport: m.transport,
        sentAt: m.sentAt.toISOString(),
      })),
      nextCursor: rows.length > input.limit ? encodeCursor({ id: page[page.length - 1].id }) : null,
    };
  }
}
