import { Env, readBool, readEnum, readInt, readString, readUrl } from '../../platform/config';
import { RiskPolicy } from './domain/risk-assessment';

/** Injection token of {@link PaymentsConfig}. */
export const PAYMENTS_CONFIG = Symbol('PAYMENTS_CONFIG');

export interface PaymentsConfig {
  /** How far a webhook's signed timestamp may be from now, in either direction. */
  readonly webhookToleranceSeconds: number;
  readonly risk: RiskPolicy & { readonly velocityWindowMinutes: number };
  readonly sandbox: {
    readonly webhookSecret: string;
    /** An uncaptured authorization expires after this. */
    readonly authorizationTtlSeconds: number;
    /** How many attempts of one idempotency key `tok_processingError` fails before it succeeds. */
    readonly transientFailures: number;
    /** Whether the sandbox POSTs its webhook events to `publicBaseUrl` (off in tests). */
    readonly webhookDelivery: boolean;
    readonly publicBaseUrl: string;
    readonly sweepIntervalMs: number;
  };
  /** Set only when both the API key and the webhook secret are configured. */
  readonly stripe: { readonly apiKey: string; readonly webhookSecret: string } | undefined;
}

const DEV_SANDBOX_SECRET = 'whsec_arcade_sandbox_development_secret';

export function loadPaymentsConfig(env: Env): PaymentsConfig {
  const nodeEnv = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const apiKey = readString(env, 'STRIPE_API_KEY');
  const stripeSecret = readString(env, 'STRIPE_WEBHOOK_SECRET');
  return {
    webhookToleranceSeconds: readInt(env, 'PAYMENTS_WEBHOOK_TOLERANCE_SECONDS', 300, 1, 86_400),
    risk: {
      reviewScore: readInt(env, 'RISK_REVIEW_SCORE', 50, 1, 100),
      blockScore: readInt(env, 'RISK_BLOCK_SCORE', 80, 1, 100),
      highAmount: readInt(env, 'RISK_HIGH_AMOUNT', 100_000, 1, 2_000_000_000),
      veryHighAmount: readInt(env, 'RISK_VERY_HIGH_AMOUNT', 500_000, 1, 2_000_000_000),
      velocityWindowMinutes: readInt(env, 'RISK_VELOCITY_WINDOW_MINUTES', 60, 1, 10_080),
      maxPaymentsInWindow: readInt(env, 'RISK_VELOCITY_MAX_PAYMENTS', 5, 1, 10_000),
      maxFailedInWindow: readInt(env, 'RISK_MAX_FAILED_ATTEMPTS', 3, 1, 10_000),
    },
    sandbox: {
      webhookSecret: readString(env, 'SANDBOX_WEBHOOK_SECRET', DEV_SANDBOX_SECRET),
      authorizationTtlSeconds: readInt(env, 'SANDBOX_AUTHORIZATION_TTL_SECONDS', 7 * 86_400, 1, 31 * 86_400),
      transientFailures: readInt(env, 'SANDBOX_TRANSIENT_FAILURES', 1, 0, 100),
      webhookDelivery: readBool(env, 'SANDBOX_WEBHOOK_DELIVERY', nodeEnv !== 'test'),
      publicBaseUrl: readUrl(env, 'PUBLIC_BASE_URL', ['http', 'https']) ?? `http://127.0.0.1:${port}`,
      sweepIntervalMs: readInt(env, 'SANDBOX_SWEEP_INTERVAL_MS', 30_000, 100, 3_600_000),
    },
    stripe: apiKey && stripeSecret ? { apiKey, webhookSecret: stripeSecret } : undefined,
  };
}
