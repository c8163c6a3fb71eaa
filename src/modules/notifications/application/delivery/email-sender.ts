import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Transaction } from '../../../../platform/messaging';
import { TemplateData } from '../../domain/render-template';
import { MailTransport } from '../../infrastructure/mail-transport';
import { MessageOrmEntity } from '../../infrastructure/message.orm-entity';
import { TemplateName, TemplateStore } from '../../infrastructure/template-store';

export interface EmailRequest {
  /** The event that causes the email (recorded in the delivery log). */
  readonly eventId: string;
  readonly template: TemplateName;
  readonly to: string;
  readonly data: TemplateData;
}

/**
 * Renders a template and sends it inside the consumer's transaction: the delivery-log row commits
 * with the inbox record, and a failed send rolls both back so the relay retries the event.
 */
@Injectable()
export class EmailSender {
  constructor(
    private readonly templates: TemplateStore,
    private readonly transport: MailTransport,
  ) {}

  async send(tx: Transaction, request: EmailRequest): Promise<void> {
    const email = this.templates.render(request.template, request.data);
    const message = Object.assign(new MessageOrmEntity(), {
      id: uuidv7(),
      eventId: request.eventId,
      template: request.template,
      to: request.to,
      subject: email.subject,
      // Bodies may hold secrets (reset links): kept only for the dev mailbox, never for real mail.
      text: this.transport.kind === 'mailbox' ? email.text : null,
      html: this.transport.kind === 'mailbox' ? email.html : null,
      transport: this.transport.kind,
      providerMessageId: null,
      sentAt: new Date(),
    });
    await tx.manager.insert(MessageOrmEntity, message);
    const providerMessageId = await this.transport.send({ to: request.to, ...email });
    if (providerMessageId !== null) {
      await tx.manager.update(MessageOrmEntity, { id: message.id }, { providerMessageId });
    }
  }
}
