import { Env, readString, readUrl } from '../../platform/config';

/** Injection token of the {@link NotificationsConfig}. */
export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

export interface NotificationsConfig {
  /** Send through this SMTP server; undefined means the dev mailbox (stored, readable by admins). */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Shown in emails as the shop's address (links to orders). */
  readonly shopUrl: string;
}

export function loadNotificationsConfig(env: Env): NotificationsConfig {
  return {
    smtpUrl: readUrl(env, 'SMTP_URL', ['smtp', 'smtps']),
    mailFrom: readString(env, 'MAIL_FROM', 'Arcade <no-reply@arcade.localhost>'),
    shopUrl: readUrl(env, 'SHOP_URL', ['http', 'https']) ?? 'http://localhost:3000',
  };
}
