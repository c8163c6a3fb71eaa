// Only these two files of the configuration: they load nothing else, and this runs before the
// instrumentations patch `http` and `pg` (register.ts).
import { ConfigError } from '../../config/config-error';
import { readBool, readEnum, readUrl, redact } from '../../config/env-readers';

/**
 * Whether this process traces, and how, read from the standard OpenTelemetry environment (ADR
 * 0119). Tracing is off unless an OTLP endpoint or a traces exporter is named:
 * `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_TRACES_EXPORTER`
 * other than `none`; `OTEL_SDK_DISABLED=true` turns it off whatever else is set.
 */
export interface TracingSettings {
  readonly enabled: boolean;
  /** `OTEL_SERVICE_NAME`, else named after the modules hosted: `arcade` (all) or `arcade-<module>-<module>…`. */
  readonly serviceName: string;
  /** Where spans go: the traces endpoint, the OTLP endpoint, or the SDK's default (`http://localhost:4318`). */
  readonly endpoint: string;
  /** `OTEL_TRACES_SAMPLER` (default `parentbased_always_on`). */
  readonly sampler: Sampler;
  /** `OTEL_TRACES_SAMPLER_ARG`: the ratio, 0 to 1, of the `*traceidratio` samplers (default 1). */
  readonly samplerRatio: number | undefined;
  /**
   * `TRACING_CONTINUE_CALLER_TRACE` (default false): whether an incoming HTTP request's
   * `traceparent` is continued (true: a process behind the gateway, which only the gateway calls)
   * or only linked from a new root trace (false: the process that faces the public, whose callers
   * must not choose a trace id or force sampling).
   */
  readonly continueCallerTrace: boolean;
}

/** The samplers the SDK builds from `OTEL_TRACES_SAMPLER` (the OpenTelemetry specification's, minus remote ones). */
const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
type Sampler = (typeof SAMPLERS)[number];

const PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'] as const;
const EXPORTERS = ['otlp', 'console', 'none'];
const LOG_LEVELS = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'];
const SDK_DEFAULT_ENDPOINT = 'http://localhost:4318';

type Env = Readonly<Record<string, string | undefined>>;

const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * Reads and validates the tracing settings from `env`. Every `OTEL_*` variable Arcade documents is
 * checked even with tracing off (the SDK would otherwise fall back silently to a default).
 *
 * @throws ConfigError one line naming the first bad variable: an endpoint that is not an http(s)
 *   URL, an unknown protocol, exporter, sampler or log level, a sampler ratio outside 0–1, a
 *   `OTEL_SDK_DISABLED` or `TRACING_CONTINUE_CALLER_TRACE` that is not true or false.
 */
export function tracingSettings(env: Env): TracingSettings {
  const endpoint = readUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http', 'https']);
  const tracesEndpoint = readUrl(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', ['http', 'https']);
  readEnum(env, 'OTEL_EXPORTER_OTLP_PROTOCOL', PROTOCOLS, 'http/protobuf');
  const exporters = readExporters(env);
  const sampler = readEnum(env, 'OTEL_TRACES_SAMPLER', SAMPLERS, 'parentbased_always_on');
  const ratio = readRatio(env);
  readLogLevel(env);
  const disabled = readBool(env, 'OTEL_SDK_DISABLED', false) || exporters.includes('none');
  return {
    enabled: !disabled && (endpoint !== undefined || tracesEndpoint !== undefined || exporters.length > 0),
    serviceName: set(env.OTEL_SERVICE_NAME) ? env.OTEL_SERVICE_NAME.trim() : serviceNameFor(env.MODULES),
    endpoint: tracesEndpoint ?? endpoint ?? SDK_DEFAULT_ENDPOINT,
    sampler,
    samplerRatio: sampler.endsWith('traceidratio') ? (ratio ?? 1) : undefined,
    continueCallerTrace: readBool(env, 'TRACING_CONTINUE_CALLER_TRACE', false),
  };
}

function readExporters(env: Env): string[] {
  if (!set(env.OTEL_TRACES_EXPORTER)) return [];
  const names = env.OTEL_TRACES_EXPORTER.split(',').map((name) => name.trim().toLowerCase());
  if (names.some((name) => !EXPORTERS.includes(name))) {
    throw new ConfigError(
      'OTEL_TRACES_EXPORTER',
      `must be ${EXPORTERS.join(', ')} or a comma-separated list of them (got "${env.OTEL_TRACES_EXPORTER.trim()}")`,
    );
  }
  return names;
}

function readRatio(env: Env): number | undefined {
  if (!set(env.OTEL_TRACES_SAMPLER_ARG)) return undefined;
  const value = env.OTEL_TRACES_SAMPLER_ARG.trim();
  const ratio = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(ratio >= 0 && ratio <= 1)) {
    throw new ConfigError('OTEL_TRACES_SAMPLER_ARG', `must be a ratio from 0 to 1, e.g. 0.1 (got "${value}")`);
  }
  return ratio;
}

function readLogLevel(env: Env): void {
  if (set(env.OTEL_LOG_LEVEL) && !LOG_LEVELS.includes(env.OTEL_LOG_LEVEL.trim().toLowerCase())) {
    throw new ConfigError(
      'OTEL_LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')} (got "${env.OTEL_LOG_LEVEL.trim()}")`,
    );
  }
}

/**
 * The start-up summary's line: `off`, or `on: OTLP to <endpoint>, sampler <name>[ <ratio>], service <name>`
 * (the endpoint without its password, should it carry one).
 */
export function describeTracing(settings: TracingSettings): string {
  if (!settings.enabled) return 'off (OTEL_EXPORTER_OTLP_ENDPOINT turns it on)';
  const sampler =
    settings.samplerRatio === undefined ? settings.sampler : `${settings.sampler} ${settings.samplerRatio}`;
  const caller = settings.continueCallerTrace ? 'continues callers’ traces' : 'new trace per request';
  return `on: OTLP to ${redact(settings.endpoint)}, sampler ${sampler}, service ${settings.serviceName}, ${caller}`;
}

/** `arcade` for a process hosting every module, `arcade-<module>-<module>…` for one hosting some. */
export function serviceNameFor(modules: string | undefined): string {
  const names = (modules ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.length === 0 ? 'arcade' : `arcade-${names.join('-')}`;
}
