import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Transaction } from '../../../../platform/messaging';
import { Message } from '../../domain/message';
import { TemplateData } from '../../domain/render-template';
import { MailTransport } from '../../infrastructure/mail-transport';
import { MessageRepository } from '../../infrastructure/message.repository';
import { TemplateName, TemplateStore } from '../../infrastructure/template-store';

/** An email to send: which template, to whom, with what data, because of which event. */
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
    private readonly messages: MessageRepository,
  ) {}

  async send(tx: Transaction, request: EmailRequest): Promise<void> {
    const email = this.templates.render(request.template, request.data);
    const message: Message = {
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
    };
    await this.messages.add(tx, message);
    const providerMessageId = await this.transport.send({ to: request.to, ...email });
    if (providerMessageId !== null) await this.messages.setProviderMessageId(tx, message.id, providerMessageId);
  }
}
