// Imported first by the app's entry points (src/main.ts): starts tracing, when the environment
// asks for it, before anything loads `http` or `pg` (ADR 0119).
import { startTracing } from './start-tracing';

startTracing();
