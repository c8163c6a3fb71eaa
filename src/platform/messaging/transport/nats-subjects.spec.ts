import { loadConfig } from '../../config';
import { NatsSubjects } from './nats-subjects';

describe('NatsSubjects', () => {
  const subjects = new NatsSubjects('arcade');

  it('puts commands and queries on their owner module’s request subject, in a queue group per module', () => {
    expect(subjects.rpc('payments')).toBe('arcade.rpc.payments');
    expect(subjects.rpcQueue('payments')).toBe('arcade-payments');
  });

  it('derives an event subject from the event type, and refuses what is not an event type', () => {
    expect(subjects.event('catalog.ProductPriced.v2')).toBe('arcade.events.catalog.ProductPriced.v2');
    expect(() => subjects.event('catalog.ReserveStock')).toThrow('<module>.<EventName>.v<N>');
    expect(() => subjects.event('catalog.Bad Name.v1')).toThrow();
  });

  it('names durable consumers per module (per event type where filters are single)', () => {
    expect(subjects.consumer('orders')).toBe('arcade-orders');
    expect(subjects.consumer('orders', 'catalog.ProductPriced.v2')).toBe('arcade-orders-catalog_ProductPriced_v2');
    expect(subjects.deadLetter('orders', 'abc')).toBe('arcade.dead.orders.abc');
  });
});

describe('broker settings', () => {
  it('leaves the broker off unless BROKER_URL is set, with a prefix and stream to isolate deployments', () => {
    expect(loadConfig({}).broker).toMatchObject({ url: undefined, prefix: 'arcade', stream: 'ARCADE_EVENTS' });
    const broker = loadConfig({ NODE_ENV: 'test', BROKER_URL: 'nats://nats:4222', BROKER_PREFIX: 'shop-eu' }).broker;
    expect(broker).toMatchObject({
      url: 'nats://nats:4222',
      prefix: 'shop-eu',
      stream: 'SHOP_EU_EVENTS',
      deadLetterStream: 'SHOP_EU_EVENTS_DEAD_LETTERS',
    });
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ BROKER_URL: 'http://nats:4222' })).toThrow('BROKER_URL');
    expect(() => loadConfig({ BROKER_PREFIX: 'a.b' })).toThrow('BROKER_PREFIX');
    expect(() => loadConfig({ BROKER_MAX_DELIVERIES: '0' })).toThrow('BROKER_MAX_DELIVERIES');
  });
});
