import { ConfigError, Env, readBool, readEnum, readInt, readSecret, readUrl } from '../../platform/config';

/** Injection token of {@link ShippingConfig}. */
export const SHIPPING_CONFIG = Symbol('SHIPPING_CONFIG');

/** Settings of the shipping module (see docs/modules/shipping.md#settings). */
export interface ShippingConfig {
  /** How far a carrier webhook's signed timestamp may be from now, in either direction. */
  readonly webhookToleranceSeconds: number;
  /** Largest page of shipments a list returns. */
  readonly maxPageSize: number;
  readonly sandbox: {
    /**
     * Whether the `sandbox` carrier exists in this process: it issues fake tracking numbers and
     * reports fake deliveries, so it is off in production unless `SHIPPING_SANDBOX=enabled`.
     */
    readonly enabled: boolean;
    /** The HMAC key of the sandbox's tracking webhooks. */
    readonly webhookSecret: string;
    /** Whether the sandbox POSTs its tracking events to `publicBaseUrl` (off in tests, which post them). */
    readonly webhookDelivery: boolean;
    readonly publicBaseUrl: string;
    /** How often undelivered sandbox events are posted again. */
    readonly sweepIntervalMs: number;
    /** Webhook POSTs in flight at once while a pass drains the backlog (a parcel's events stay in order). */
    readonly webhookConcurrency: number;
  };
}

/** Public (it is in the source): accepted only outside production. */
export const DEV_CARRIER_SECRET = 'whsec_arcade_shipping_sandbox_development';
const MIN_SECRET_LENGTH = 32;

/** Reads the shipping settings; a ConfigError (one line naming the variable) when unsafe or malformed. */
export function loadShippingConfig(env: Env): ShippingConfig {
  const nodeEnv = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const production = nodeEnv === 'production';
  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const sandbox = readEnum(env, 'SHIPPING_SANDBOX', ['enabled', 'disabled'], production ? 'disabled' : 'enabled');
  return {
    webhookToleranceSeconds: readInt(env, 'SHIPPING_WEBHOOK_TOLERANCE_SECONDS', 300, 1, 86_400),
    maxPageSize: readInt(env, 'SHIPPING_MAX_PAGE_SIZE', 100, 1, 1000),
    sandbox: {
      enabled: sandbox === 'enabled',
      webhookSecret: readCarrierSecret(env, production && sandbox === 'enabled'),
      webhookDelivery: readBool(env, 'SHIPPING_SANDBOX_WEBHOOK_DELIVERY', nodeEnv !== 'test'),
      publicBaseUrl: readUrl(env, 'PUBLIC_BASE_URL', ['http', 'https']) ?? `http://127.0.0.1:${port}`,
      sweepIntervalMs: readInt(env, 'SHIPPING_SANDBOX_SWEEP_INTERVAL_MS', 30_000, 100, 3_600_000),
      webhookConcurrency: readInt(env, 'SHIPPING_SANDBOX_WEBHOOK_CONCURRENCY', 8, 1, 64),
    },
  };
}

/** The sandbox carrier's HMAC key: required (and never the public default) when it runs in production. */
function readCarrierSecret(env: Env, required: boolean): string {
  const secret = readSecret(env, 'SHIPPING_SANDBOX_WEBHOOK_SECRET', MIN_SECRET_LENGTH);
  if (secret === undefined && required) {
    throw new ConfigError(
      'SHIPPING_SANDBOX_WEBHOOK_SECRET',
      `must be set (${MIN_SECRET_LENGTH}+ random characters) when SHIPPING_SANDBOX=enabled in production`,
    );
  }
  if (secret !== undefined && (secret.length < MIN_SECRET_LENGTH || secret === DEV_CARRIER_SECRET)) {
    throw new ConfigError(
      'SHIPPING_SANDBOX_WEBHOOK_SECRET',
      `must be at least ${MIN_SECRET_LENGTH} characters and not the public development secret`,
    );
  }
  return secret ?? DEV_CARRIER_SECRET;
}
