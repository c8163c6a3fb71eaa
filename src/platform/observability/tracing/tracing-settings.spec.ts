import { serviceNameFor, tracingSettings } from './tracing-settings';

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
