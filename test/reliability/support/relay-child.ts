/**
 * A relay process for the crash tests: the real app (catalog, cart, orders and the probe
 * handlers) whose event dispatch can be made to SIGKILL the process just before or just after
 * delivering, i.e. after the outbox commit and before the relay marks the row delivered.
 */
import 'reflect-metadata';
import { createApp } from '../../../src/create-app';
import { loadConfig } from '../../../src/platform/config';
import { LocalEventDispatcher, MessageEnvelope } from '../../../src/platform/messaging/testing';
import { ProbeModule } from '../../messaging/probe.module';

const crashPoint = process.env.CRASH_POINT; // 'before-delivery' | 'after-delivery' | undefined
const dispatch = LocalEventDispatcher.prototype.dispatch;
LocalEventDispatcher.prototype.dispatch = async function crashingDispatch(
  this: LocalEventDispatcher,
  envelope: MessageEnvelope,
  only?: readonly string[],
) {
  if (crashPoint === 'before-delivery') process.kill(process.pid, 'SIGKILL');
  await dispatch.call(this, envelope, only);
  if (crashPoint === 'after-delivery') process.kill(process.pid, 'SIGKILL');
};

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', MODULES: 'catalog,cart,orders' });
  await createApp(config, {
    database: { url, moduleUrls: {}, embedded: undefined, urlFor: () => url },
    extraModules: [ProbeModule],
  });
  process.stdout.write('READY\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
