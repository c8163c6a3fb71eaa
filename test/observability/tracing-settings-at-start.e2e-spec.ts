import { resolve } from 'node:path';
import { runTs } from '../support/ts-process';

// ADR 0119: a wrong OTEL_* setting stops the process before anything starts, with one line that
// names the variable, as every other setting does (the SDK alone would fall back silently).

const MAIN = resolve(__dirname, '../../src/main.ts');

describe('a bad tracing setting at start-up', () => {
  it.each([
    ['OTEL_TRACES_SAMPLER', 'bogus'],
    ['OTEL_TRACES_SAMPLER_ARG', '2'],
  ])(
    '%s=%s stops the process with one line naming it',
    async (name, value) => {
      const app = runTs(MAIN, {
        // Never reached: the setting is refused first.
        DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
        [name]: value,
      });
      expect((await app.exited()).code).toBe(1);
      const lines = app.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name} must be .*"${value}"`));
    },
    60_000,
  );
});
