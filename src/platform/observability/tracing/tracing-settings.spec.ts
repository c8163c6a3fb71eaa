import { ConfigError } from '../../config/config-error';
import { describeTracing, serviceNameFor, tracingSettings } from './tracing-settings';

describe('tracingSettings', () => {
  it('is off by default', () => {
    expect(tracingSettings({}).enabled).toBe(false);
  });

  it('is on once an OTLP endpoint or a traces exporter is named', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }).enabled).toBe(true);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://x:4318/v1/traces' }).enabled).toBe(true);
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp' }).enabled).toBe(true);
  });

  it('stays off when the SDK is disabled or the exporter is none', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' };
    expect(tracingSettings({ ...endpoint, OTEL_SDK_DISABLED: 'true' }).enabled).toBe(false);
    expect(tracingSettings({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }).enabled).toBe(false);
  });

  it('names the process after its modules unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(tracingSettings({}).serviceName).toBe('arcade');
    expect(tracingSettings({ MODULES: 'payments, recommendations' }).serviceName).toBe(
      'arcade-payments-recommendations',
    );
    expect(tracingSettings({ MODULES: 'payments', OTEL_SERVICE_NAME: 'shop-payments' }).serviceName).toBe(
      'shop-payments',
    );
    expect(serviceNameFor(' ')).toBe('arcade');
  });
});

describe('tracingSettings refuses a bad OTEL_* value', () => {
  it.each([
    ['OTEL_TRACES_SAMPLER', 'bogus'],
    ['OTEL_TRACES_SAMPLER_ARG', '2'],
    ['OTEL_TRACES_SAMPLER_ARG', '-0.1'],
    ['OTEL_TRACES_SAMPLER_ARG', 'ten percent'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'jaeger:4318'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'ftp://jaeger:4318'],
    ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'not a url'],
    ['OTEL_EXPORTER_OTLP_PROTOCOL', 'http'],
    ['OTEL_TRACES_EXPORTER', 'jaegerr'],
    ['OTEL_SDK_DISABLED', 'maybe'],
    ['OTEL_LOG_LEVEL', 'loud'],
    ['TRACING_CONTINUE_CALLER_TRACE', 'sometimes'],
  ])('%s=%s stops with one line that names the variable', (name, value) => {
    let error: unknown;
    try {
      tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a bad value with tracing off too (it would apply once tracing is turned on)', () => {
    expect(() => tracingSettings({ OTEL_TRACES_SAMPLER: 'bogus' })).toThrow(ConfigError);
  });

  it('takes the values the SDK knows', () => {
    const settings = tracingSettings({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector.internal:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_TRACES_EXPORTER: 'otlp,console',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
      OTEL_SDK_DISABLED: 'false',
      OTEL_LOG_LEVEL: 'warn',
      TRACING_CONTINUE_CALLER_TRACE: 'true',
    });
    expect(settings).toMatchObject({
      enabled: true,
      endpoint: 'https://collector.internal:4318',
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.1,
      continueCallerTrace: true,
    });
    expect(tracingSettings({}).continueCallerTrace).toBe(false);
  });
});

describe('describeTracing (the start-up summary line)', () => {
  it('says off, or where spans go, how they are sampled and under which service name', () => {
    expect(describeTracing(tracingSettings({}))).toMatch(/^off/);
    expect(
      describeTracing(
        tracingSettings({
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://user:hunter2@jaeger:4318',
          OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
          OTEL_TRACES_SAMPLER_ARG: '0.1',
          MODULES: 'payments',
        }),
      ),
    ).toBe(
      'on: OTLP to http://user:***@jaeger:4318/, sampler parentbased_traceidratio 0.1, service arcade-payments, new trace per request',
    );
    expect(describeTracing(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp' }))).toBe(
      'on: OTLP to http://localhost:4318/, sampler parentbased_always_on, service arcade, new trace per request',
    );
  });
});
