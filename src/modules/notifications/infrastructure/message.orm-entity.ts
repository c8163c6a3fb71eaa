import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One email sent (the delivery log); bodies are kept only for the dev mailbox. */
@Entity({ name: 'messages' })
export class MessageOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  @Column('text') template: string;
  @Column('text', { name: 'to_address' }) to: string;
  @Column('text') subject: string;
  @Column('text', { name: 'text_body', nullable: true }) text: string | null;
  @Column('text', { name: 'html_body', nullable: true }) html: string | null;
  @Column('text') transport: 'smtp' | 'mailbox';
  @Column('text', { name: 'provider_message_id', nullable: true }) providerMessageId: string | null;
  @Column('timestamptz', { name: 'sent_at' }) sentAt: Date;
}
