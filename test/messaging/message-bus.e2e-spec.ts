import { MessageBus, ModuleUnreachableError, RemoteProblemError } from '../../src/platform/messaging/testing';
import { createTestApp, TestApp } from '../support/test-app';
import { ProbeQuery, RecordProbe } from './probe.contracts';
import { ProbeModule } from './probe.module';

describe('MessageBus (commands and queries across modules)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: ['catalog', 'cart', 'orders'], extraModules: [ProbeModule] });
  });
  afterAll(() => t.close());

  it('hands a command to its local owner as JSON and returns a JSON copy of the result', async () => {
    const result = await t.app.get(MessageBus).execute(new RecordProbe('hello'));
    expect(result).toEqual({ recorded: 'hello', at: '1970-01-01T00:00:00.000Z' });
  });

  it('lets a problem cross the boundary as data', async () => {
    const error = await t.app
      .get(MessageBus)
      .execute(new RecordProbe('conflict'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteProblemError);
    expect((error as RemoteProblemError).problem).toMatchObject({
      status: 409,
      type: 'probe-conflict',
      extensions: { label: 'conflict' },
    });
  });

  it('says which module is missing when the owner is not hosted and there is no broker', async () => {
    const error = await t.app
      .get(MessageBus)
      .query(new ProbeQuery())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModuleUnreachableError);
    expect(error).toMatchObject({ module: 'payments', messageType: 'payments.ProbeQuery' });
    expect((error as Error).message).toContain('no broker is configured');
  });
});
