import {
  AppConfig,
  ConfigError,
  Env,
  readEnum,
  readShopUrl,
  readString,
  readUrl,
  readUrlTemplate,
} from '../../platform/config';

/** Injection token of the {@link NotificationsConfig}. */
export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

export interface NotificationsConfig {
  /** Send through this SMTP server; undefined means the dev mailbox (stored, readable by admins). */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** The shop's address, shown in emails: SHOP_URL, else this API's own address. */
  readonly shopUrl: string;
  /** The link to an order's page in emails, with `{orderId}`. */
  readonly orderUrlTemplate: string;
  /** The tracking link in "shipped" emails, with `{trackingNumber}` and optionally `{orderId}`, `{carrier}`. */
  readonly trackingUrlTemplate: string;
}

/**
 * Reads the notification settings. In production the dev mailbox, which keeps every body (reset
 * links included) readable by admins, is an opt-in: without `SMTP_URL`, `MAIL_DEV_MAILBOX=enabled`
 * is required, else start-up fails with a {@link ConfigError}.
 */
export function loadNotificationsConfig(env: Env, nodeEnv: AppConfig['env'] = 'development'): NotificationsConfig {
  const smtpUrl = readUrl(env, 'SMTP_URL', ['smtp', 'smtps']);
  const devMailbox = readEnum(env, 'MAIL_DEV_MAILBOX', ['enabled', 'disabled'], 'disabled');
  if (smtpUrl === undefined && nodeEnv === 'production' && devMailbox !== 'enabled') {
    throw new ConfigError(
      'SMTP_URL',
      'must be set in production (or MAIL_DEV_MAILBOX=enabled to keep emails, reset links included, in the mailbox admins can read)',
    );
  }
  return {
    smtpUrl,
    mailFrom: readString(env, 'MAIL_FROM', 'Arcade <no-reply@arcade.localhost>'),
    shopUrl: readShopUrl(env),
    orderUrlTemplate: readUrlTemplate(env, 'ORDER_URL_TEMPLATE', '{shopUrl}/account/orders/{orderId}', ['orderId']),
    trackingUrlTemplate: readUrlTemplate(
      env,
      'TRACKING_URL_TEMPLATE',
      '{shopUrl}/account/orders/{orderId}/tracking/{trackingNumber}',
      ['trackingNumber'],
      ['orderId', 'carrier'],
    ),
  };
}
