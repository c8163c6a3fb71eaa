/**
 * Whether this process traces, and under which service name, read from the standard OpenTelemetry
 * environment (ADR 0119). Tracing is off unless an OTLP endpoint or a traces exporter is named:
 * `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_TRACES_EXPORTER`
 * other than `none`; `OTEL_SDK_DISABLED=true` turns it off whatever else is set.
 */
export interface TracingSettings {
  readonly enabled: boolean;
  /** `OTEL_SERVICE_NAME`, else named after the modules hosted: `arcade` (all) or `arcade-<module>-<module>…`. */
  readonly serviceName: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** Reads the tracing settings from `env` (no validation beyond what the SDK does itself). */
export function tracingSettings(env: Env): TracingSettings {
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  const named = set(env.OTEL_EXPORTER_OTLP_ENDPOINT) || set(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const disabled = env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' || exporter === 'none';
  return {
    enabled: !disabled && (named || set(exporter)),
    serviceName: set(env.OTEL_SERVICE_NAME) ? env.OTEL_SERVICE_NAME.trim() : serviceNameFor(env.MODULES),
  };
}

/** `arcade` for a process hosting every module, `arcade-<module>-<module>…` for one hosting some. */
export function serviceNameFor(modules: string | undefined): string {
  const names = (modules ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.length === 0 ? 'arcade' : `arcade-${names.join('-')}`;
}
