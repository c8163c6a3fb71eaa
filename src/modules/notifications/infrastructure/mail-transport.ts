import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../notifications.config';
import { RenderedEmail } from './template-store';

export interface OutgoingEmail extends RenderedEmail {
  readonly to: string;
}

/**
 * Where emails go: the configured SMTP server, or nowhere but the dev mailbox (the delivery log
 * keeps their bodies). A failed SMTP send throws, so the relay retries and finally dead-letters it.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly smtp: Transporter | undefined;

  constructor(@Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig) {
    this.smtp = config.smtpUrl ? createTransport(config.smtpUrl) : undefined;
  }

  get kind(): 'smtp' | 'mailbox' {
    return this.smtp ? 'smtp' : 'mailbox';
  }

  /** Sends over SMTP and returns the server's message id; the mailbox needs no sending. */
  async send(email: OutgoingEmail): Promise<string | null> {
    if (!this.smtp) return null;
    const info = (await this.smtp.sendMail({
      from: this.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    })) as { messageId?: string };
    return info.messageId ?? null;
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
