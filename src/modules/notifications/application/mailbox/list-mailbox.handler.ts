import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from '../../../../platform/http';
import { MessageOrmEntity } from '../../infrastructure/message.orm-entity';

export interface MailboxItem {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string | null;
  readonly html: string | null;
  readonly template: string;
  readonly transport: 'smtp' | 'mailbox';
  readonly sentAt: string;
}

/** Sent emails, newest first (ids are UUIDv7), optionally only those to one address. */
@Injectable()
export class ListMailboxHandler {
  constructor(@InjectDataSource('notifications') private readonly dataSource: DataSource) {}

  async execute(input: { limit: number; cursor?: string; to?: string }): Promise<Page<MailboxItem>> {
    const query = this.dataSource.getRepository(MessageOrmEntity).createQueryBuilder('m').orderBy('m.id', 'DESC');
    if (input.cursor !== undefined) {
      const { id } = decodeCursor(input.cursor, { id: 'uuid' });
      query.andWhere('m.id < :before', { before: id });
    }
    if (input.to !== undefined) query.andWhere('lower(m.to_address) = :to', { to: input.to.trim().toLowerCase() });
    const rows = await query.take(input.limit + 1).getMany();
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
