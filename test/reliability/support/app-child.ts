/**
 * The whole app as a child process, listening on PORT, for the checkout crash tests. With
 * CRASH_AT=<message type>:<before|after> it SIGKILLs itself the first time its outbox relay is
 * about to deliver (before) or has just delivered (after) a message of that type, i.e. between
 * two durable steps of the saga.
 */
import 'reflect-metadata';
import { createApp } from '../../../src/create-app';
import { loadConfig } from '../../../src/platform/config';
import { MessageEnvelope, OutboxRelays } from '../../../src/platform/messaging/testing';

const [crashType, crashWhen] = (process.env.CRASH_AT ?? '').split(':');
type Deliver = (envelope: MessageEnvelope) => Promise<void>;
const relays = OutboxRelays.prototype as unknown as { deliver: Deliver };
const deliver = relays.deliver;
relays.deliver = async function crashingDeliver(this: unknown, envelope: MessageEnvelope) {
  if (envelope.type === crashType && crashWhen === 'before') process.kill(process.pid, 'SIGKILL');
  await deliver.call(this, envelope);
  if (envelope.type === crashType && crashWhen === 'after') process.kill(process.pid, 'SIGKILL');
};

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const app = await createApp(config, { database: { url, moduleUrls: {}, embedded: undefined, urlFor: () => url } });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  process.stdout.write('READY\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
