import 'reflect-metadata';
import { createApp } from './create-app';
import { ConfigError, loadConfig } from './platform/config';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  console.log(
    JSON.stringify({
      level: 'info',
      msg: `Arcade listening on http://${config.host}:${config.port} (ready in ${Math.round(performance.now() - startedAt)} ms)`,
    }),
  );

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    setTimeout(() => {
      console.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting.`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    console.log(JSON.stringify({ level: 'info', msg: `${signal} received; shutting down` }));
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Arcade failed to start:', error);
  }
  process.exit(1);
});
