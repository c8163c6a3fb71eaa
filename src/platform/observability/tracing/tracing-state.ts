/**
 * Whether the OpenTelemetry SDK runs in this process (set once by {@link startTracing}). Everything
 * that traces checks it first, so that with tracing off no span, attribute or carrier is ever built.
 */
export const tracingState = { enabled: false };
