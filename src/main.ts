// First: tracing (when configured) must patch `http` and `pg` before anything loads them (ADR 0119).
import './platform/observability/tracing/register';
import 'reflect-metadata';
import { createApp } from './create-app';
import { ConfigError, loadConfig } from './platform/config';
import { DATABASE_TARGET, DatabaseTarget, DatabaseUnusableError, ModuleDataSources } from './platform/database';
import { WiringError } from './platform/errors';
import { AppLogger, StartupNotes, startupSummary, stopTracing, summaryLines } from './platform/observability';

/** What the shutdown keeps of its budget for exiting once the last spans are flushed or given up. */
const SHUTDOWN_MARGIN_MS = 500;

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const logger = app.get(AppLogger);
  const summary = startupSummary(
    config,
    app.get<DatabaseTarget>(DATABASE_TARGET),
    app.get(ModuleDataSources),
    app.get(StartupNotes),
    performance.now() - startedAt,
  );
  // One block a person reads at a terminal; one JSON line with the same facts elsewhere.
  if (config.log.pretty) logger.log(summaryLines(summary));
  else logger.log({ ...summary.facts }, summary.headline, 'Arcade');

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    const deadline = Date.now() + config.shutdownTimeoutMs;
    setTimeout(() => {
      console.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting.`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    logger.log(`${signal} received; shutting down`, 'Arcade');
    app
      .close()
      // The spans of the last requests are still buffered: export them before exiting, within
      // what is left of the budget (a hanging collector must not turn a clean exit into a failed one).
      .then(() => stopTracing(deadline - Date.now() - SHUTDOWN_MARGIN_MS).catch(() => undefined))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Shutdown failed:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('SIGHUP', shutdown); // the terminal closed
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnusableError || error instanceof WiringError) {
    console.error(error.message);
  } else {
    console.error('Arcade failed to start:', error);
  }
  process.exit(1);
});
