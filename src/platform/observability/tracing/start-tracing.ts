import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { ATTR_SERVICE_NAME, ATTR_URL_FULL } from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, RequestOptions } from 'node:http';
import { linkCallerContext, setCallerContextAside } from './caller-context';
import { incomingQueryAttributes, redactedUrl } from './http-route';
import { QuietDiagLogger } from './quiet-diag-logger';
import { TracingSettings, tracingSettings } from './tracing-settings';
import { tracingState } from './tracing-state';

type Sdk = { shutdown(): Promise<void> };

let sdk: Sdk | undefined;

/** Requests that are never traced: probes and scrapes, polled every few seconds by machines. */
const UNTRACED = /^\/(health|metrics)(\/|\?|$)/;

/**
 * Starts the OpenTelemetry SDK when the environment asks for it (see {@link tracingSettings}),
 * with the HTTP and PostgreSQL instrumentations. It must run before `http` and `pg` are first
 * required (they are patched as they load): entry points call it first (src/main.ts imports
 * ./register before anything else). With tracing off nothing is loaded: the `@opentelemetry/api`
 * calls elsewhere are no-ops and {@link tracingState} keeps them from building anything.
 *
 * Exporter, protocol, sampler and batching come from the standard variables
 * (`OTEL_EXPORTER_OTLP_*`, `OTEL_TRACES_SAMPLER`/`_ARG`, `OTEL_BSP_*`); metrics and logs stay with
 * Prometheus and pino (no OpenTelemetry meter or logger provider). Returns the settings applied.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env): TracingSettings {
  const settings = tracingSettings(env);
  if (!settings.enabled || sdk) return settings;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { startNodeSdk } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */
  sdk = startNodeSdk({
    resourceAttributes: { [ATTR_SERVICE_NAME]: settings.serviceName },
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED.test(request.url ?? ''),
        // Outgoing calls are traced only as part of something (a gateway hop, a provider call).
        requireParentforOutgoingSpans: true,
        // No query values on a server span; and the public edge starts a new trace per request,
        // linked to the caller's (ADR 0119).
        startIncomingSpanHook: (request: IncomingMessage) => {
          if (!settings.continueCallerTrace) setCallerContextAside(request);
          return incomingQueryAttributes(request.url);
        },
        ...(settings.continueCallerTrace ? {} : { requestHook: linkCallerContext }),
        // An outgoing call's `url.full` keeps the query's names, never its values (as `url.query`
        // of the server span): the gateway forwards the client's query as it came.
        startOutgoingSpanHook: outgoingUrl,
      }),
      // Statement text only (no parameter values: enhancedDatabaseReporting stays off), and only
      // inside a traced operation: the relays' idle polls start no trace of their own.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false, ignoreConnectSpans: true }),
    ],
  });
  // The SDK's diagnostics (a collector down, refusing, timing out) once per kind and minute, not
  // once per failed batch; at the level `OTEL_LOG_LEVEL` names, as the SDK reads it (default info).
  // (`tracingSettings` refused any other value.)
  const level = DiagLogLevel[(env.OTEL_LOG_LEVEL ?? 'info').trim().toUpperCase() as keyof typeof DiagLogLevel];
  diag.setLogger(new QuietDiagLogger(new DiagConsoleLogger()), {
    logLevel: level ?? DiagLogLevel.INFO,
    suppressOverrideMessage: true,
  });
  tracingState.enabled = true;
  return settings;
}

/** `url.full` of an outgoing request whose path has a query, its values redacted; nothing otherwise. */
function outgoingUrl(request: RequestOptions): Record<string, string> {
  const path = request.path ?? '/';
  if (!path.includes('?')) return {};
  const protocol = request.protocol ?? 'http:';
  const host = request.hostname ?? request.host ?? 'localhost';
  const port = request.port === undefined || request.port === null || request.port === '' ? '' : `:${request.port}`;
  return { [ATTR_URL_FULL]: redactedUrl(`${protocol}//${host}${port}${path}`) };
}

/**
 * Flushes the spans still buffered and stops the SDK (on shutdown); nothing when tracing is off.
 * Waits at most `withinMs` milliseconds: a collector that hangs (the exporter's own timeout is
 * 10 s) must not hold the process past its shutdown budget; the spans not taken by then are lost.
 */
export async function stopTracing(withinMs = Infinity): Promise<void> {
  const running = sdk;
  sdk = undefined;
  tracingState.enabled = false;
  if (!running) return;
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<void>((resolve) => {
    if (Number.isFinite(withinMs)) timer = setTimeout(resolve, Math.max(0, withinMs)).unref();
  });
  try {
    await Promise.race([running.shutdown(), givenUp]);
  } finally {
    clearTimeout(timer);
  }
}
