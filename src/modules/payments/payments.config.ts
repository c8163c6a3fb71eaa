import {
  ConfigError,
  Env,
  readBool,
  readEnum,
  readInt,
  readList,
  readSecret,
  readString,
  readUrl,
} from '../../platform/config';
import { FraudThresholds, checkFraudThresholds } from './domain/fraud/fraud-decision';
import { RiskPolicy } from './domain/risk-assessment';

/** Injection token of {@link PaymentsConfig}. */
export const PAYMENTS_CONFIG = Symbol('PAYMENTS_CONFIG');

/** Payments' settings (docs/modules/payments.md). */
export interface PaymentsConfig {
  /** How far a webhook's signed timestamp may be from now, in either direction. */
  readonly webhookToleranceSeconds: number;
  readonly risk: RiskPolicy & { readonly velocityWindowMinutes: number };
  readonly sandbox: {
    /**
     * Whether the `sandbox` provider exists in this process: a test tool that confirms orders with
     * no money, so off in production unless `PAYMENTS_SANDBOX=enabled` (with its own secret).
     */
    readonly enabled: boolean;
    readonly webhookSecret: string;
    /** An uncaptured authorization expires after this. */
    readonly authorizationTtlSeconds: number;
    /** How many attempts of one idempotency key `tok_processingError` fails before it succeeds. */
    readonly transientFailures: number;
    /** Whether the sandbox POSTs its webhook events to `publicBaseUrl` (off in tests). */
    readonly webhookDelivery: boolean;
    readonly publicBaseUrl: string;
    readonly sweepIntervalMs: number;
    /** At most this many webhook POSTs in flight at once (one per payment: a payment's events go in order). */
    readonly webhookConcurrency: number;
  };
  /** The learned fraud model's decisions and the review queue (docs/modules/payments-fraud.md). */
  readonly fraud: FraudSettings;
  /** Set only when both the API key and the webhook secret are configured. */
  readonly stripe: { readonly apiKey: string; readonly webhookSecret: string } | undefined;
}

/** How the fraud model's probability becomes a decision, and how held payments are reviewed. */
export interface FraudSettings {
  readonly thresholds: FraudThresholds;
  /** How long a held payment waits for a person before `reviewDefault` applies, minutes. */
  readonly reviewDeadlineMinutes: number;
  /** What a review left past its deadline becomes. */
  readonly reviewDefault: 'approve' | 'reject';
  /** How often held payments past their deadline are looked for, ms (0: never, tests drive it). */
  readonly reviewSweepIntervalMs: number;
  /** Catalog category ids whose products count as resellable high-value goods. */
  readonly resellableCategoryIds: readonly string[];
  /** The shop's offset from UTC in minutes, for the hour-of-day signal. */
  readonly utcOffsetMinutes: number;
  /** How long a process trusts what it last read of the active and shadow models, ms. */
  readonly modelCacheMs: number;
  /** How often held payments' AI explanations are looked for and written, ms (0: never, tests drive it). */
  readonly explanationIntervalMs: number;
  /** Attempts at one explanation before it is `failed` (a provider error, a spent budget, AI unreachable). */
  readonly explanationAttempts: number;
}

/** Public (it is in the source): accepted only outside production. */
const DEV_SANDBOX_SECRET = 'whsec_arcade_sandbox_development_secret';
const MIN_SECRET_LENGTH = 32;

/** Reads the payments settings; a ConfigError (one line naming the variable) when they are unsafe or malformed. */
export function loadPaymentsConfig(env: Env): PaymentsConfig {
  const nodeEnv = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const apiKey = readString(env, 'STRIPE_API_KEY');
  const stripeSecret = readString(env, 'STRIPE_WEBHOOK_SECRET');
  const production = nodeEnv === 'production';
  const sandbox = readEnum(env, 'PAYMENTS_SANDBOX', ['enabled', 'disabled'], production ? 'disabled' : 'enabled');
  return {
    webhookToleranceSeconds: readInt(env, 'PAYMENTS_WEBHOOK_TOLERANCE_SECONDS', 300, 1, 86_400),
    risk: {
      reviewScore: readInt(env, 'RISK_REVIEW_SCORE', 50, 1, 100),
      blockScore: readInt(env, 'RISK_BLOCK_SCORE', 80, 1, 100),
      highAmount: readInt(env, 'RISK_HIGH_AMOUNT', 100_000, 1, Number.MAX_SAFE_INTEGER),
      veryHighAmount: readInt(env, 'RISK_VERY_HIGH_AMOUNT', 500_000, 1, Number.MAX_SAFE_INTEGER),
      velocityWindowMinutes: readInt(env, 'RISK_VELOCITY_WINDOW_MINUTES', 60, 1, 10_080),
      maxPaymentsInWindow: readInt(env, 'RISK_VELOCITY_MAX_PAYMENTS', 5, 1, 10_000),
      maxFailedInWindow: readInt(env, 'RISK_MAX_FAILED_ATTEMPTS', 3, 1, 10_000),
    },
    sandbox: {
      enabled: sandbox === 'enabled',
      webhookSecret: readSandboxSecret(env, production && sandbox === 'enabled'),
      authorizationTtlSeconds: readInt(env, 'SANDBOX_AUTHORIZATION_TTL_SECONDS', 7 * 86_400, 1, 31 * 86_400),
      transientFailures: readInt(env, 'SANDBOX_TRANSIENT_FAILURES', 1, 0, 100),
      webhookDelivery: readBool(env, 'SANDBOX_WEBHOOK_DELIVERY', nodeEnv !== 'test'),
      publicBaseUrl: readUrl(env, 'PUBLIC_BASE_URL', ['http', 'https']) ?? `http://127.0.0.1:${port}`,
      sweepIntervalMs: readInt(env, 'SANDBOX_SWEEP_INTERVAL_MS', 30_000, 100, 3_600_000),
      webhookConcurrency: readInt(env, 'SANDBOX_WEBHOOK_CONCURRENCY', 8, 1, 64),
    },
    fraud: readFraudSettings(env),
    stripe: apiKey && stripeSecret ? { apiKey, webhookSecret: stripeSecret } : undefined,
  };
}

function readFraudSettings(env: Env): FraudSettings {
  const thresholds: FraudThresholds = {
    reviewProbability: readProbability(env, 'FRAUD_REVIEW_PROBABILITY', 0.2),
    blockProbability: readProbability(env, 'FRAUD_BLOCK_PROBABILITY', 0.9),
    rulesBlockFloor: readEnum(env, 'FRAUD_RULES_BLOCK_FLOOR', ['none', 'review', 'block'], 'review'),
  };
  try {
    checkFraudThresholds(thresholds);
  } catch {
    throw new ConfigError('FRAUD_REVIEW_PROBABILITY', 'must not be above FRAUD_BLOCK_PROBABILITY');
  }
  return {
    thresholds,
    reviewDeadlineMinutes: readInt(env, 'FRAUD_REVIEW_DEADLINE_MINUTES', 1440, 1, 10_080),
    reviewDefault: readEnum(env, 'FRAUD_REVIEW_DEFAULT', ['approve', 'reject'], 'reject'),
    reviewSweepIntervalMs: readInt(env, 'FRAUD_REVIEW_SWEEP_INTERVAL_MS', 30_000, 0, 3_600_000),
    resellableCategoryIds: readList(env, 'FRAUD_RESELLABLE_CATEGORIES') ?? [],
    utcOffsetMinutes: readInt(env, 'FRAUD_UTC_OFFSET_MINUTES', 0, -720, 840),
    modelCacheMs: readInt(env, 'FRAUD_MODEL_CACHE_MS', 5000, 0, 600_000),
    explanationIntervalMs: readInt(env, 'FRAUD_EXPLANATION_INTERVAL_MS', 5000, 0, 3_600_000),
    explanationAttempts: readInt(env, 'FRAUD_EXPLANATION_ATTEMPTS', 3, 1, 20),
  };
}

/** A probability in (0, 1], written as a decimal such as `0.2`. */
function readProbability(env: Env, name: string, fallback: number): number {
  const value = readString(env, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^(0|1)?(\.\d+)?$/.test(value) || !(parsed > 0 && parsed <= 1)) {
    throw new ConfigError(name, `must be a probability above 0 and at most 1, such as 0.2 (got "${value}")`);
  }
  return parsed;
}

/** The HMAC key of sandbox webhooks: required (and never the public default) when the sandbox runs in production. */
function readSandboxSecret(env: Env, required: boolean): string {
  const secret = readSecret(env, 'SANDBOX_WEBHOOK_SECRET', MIN_SECRET_LENGTH);
  if (secret === undefined && required) {
    throw new ConfigError(
      'SANDBOX_WEBHOOK_SECRET',
      `must be set (${MIN_SECRET_LENGTH}+ random characters) when PAYMENTS_SANDBOX=enabled in production`,
    );
  }
  if (secret !== undefined && (secret.length < MIN_SECRET_LENGTH || secret === DEV_SANDBOX_SECRET)) {
    throw new ConfigError(
      'SANDBOX_WEBHOOK_SECRET',
      `must be at least ${MIN_SECRET_LENGTH} characters and not the public development secret`,
    );
  }
  return secret ?? DEV_SANDBOX_SECRET;
}
