import { loadConfig } from '../config';
import { DatabaseTarget, ModuleDataSources } from '../database';
import { StartupNotes, startupSummary } from './startup-summary';

describe('startupSummary', () => {
  const database: DatabaseTarget = {
    url: 'postgres://arcade@db:5432/arcade',
    moduleUrls: {},
    embedded: undefined,
    urlFor: () => 'postgres://arcade@db:5432/arcade',
  };
  const summarise = (env: Record<string, string>) =>
    startupSummary(loadConfig(env), database, new ModuleDataSources(), new StartupNotes(), 1200);

  it('says whether the process traces, and where to, with which sampler and service name', () => {
    expect(summarise({}).facts.tracing).toMatch(/^off/);
    expect(
      summarise({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.1',
        MODULES: 'payments',
      }).facts.tracing,
    ).toBe(
      'on: OTLP to http://jaeger:4318/, sampler parentbased_traceidratio 0.1, service arcade-payments, new trace per request',
    );
  });
});
