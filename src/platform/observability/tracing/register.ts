// Imported first by the app's entry points (src/main.ts): starts tracing, when the environment
// asks for it, before anything loads `http` or `pg` (ADR 0119).
import { ConfigError } from '../../config/config-error';
import { startTracing } from './start-tracing';

try {
  startTracing();
} catch (error) {
  // A bad OTEL_* setting stops the process with one line that names it, as every other setting does.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
