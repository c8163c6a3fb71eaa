/**
 * A process of the real app hosting orders and shipping, whose event dispatch can SIGKILL it just
 * before or just after delivering an `OrderConfirmed` to shipping (after shipping's commit, before
 * the relay marks the outbox row delivered): the crash points of the "killed while shipments are
 * being created" test.
 */
import 'reflect-metadata';
import { createApp } from '../../../src/create-app';
import { loadConfig } from '../../../src/platform/config';
import { LocalEventDispatcher, MessageEnvelope } from '../../../src/platform/messaging/testing';

const crashPoint = process.env.CRASH_POINT; // 'before-delivery' | 'after-delivery' | undefined
const dispatch = LocalEventDispatcher.prototype.dispatch;
LocalEventDispatcher.prototype.dispatch = async function crashingDispatch(
  this: LocalEventDispatcher,
  envelope: MessageEnvelope,
  only?: readonly string[],
) {
  const confirmed = envelope.type === 'orders.OrderConfirmed.v1';
  if (confirmed && crashPoint === 'before-delivery') process.kill(process.pid, 'SIGKILL');
  await dispatch.call(this, envelope, only);
  if (confirmed && crashPoint === 'after-delivery') process.kill(process.pid, 'SIGKILL');
};

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', MODULES: 'orders,shipping' });
  await createApp(config, { database: { url, moduleUrls: {}, embedded: undefined, urlFor: () => url } });
  process.stdout.write('READY\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
