import { Module } from '@nestjs/common';
import { WiringError } from '../../src/platform/errors';
import { IntegrationEventHandler, OnIntegrationEvent } from '../../src/platform/messaging/testing';
import { createTestApp } from '../support/test-app';
import { ProbeHappened } from './probe.contracts';

@OnIntegrationEvent(ProbeHappened, { module: 'payments', name: 'payments.MisplacedWitness' })
class MisplacedWitness implements IntegrationEventHandler<ProbeHappened> {
  async handle(): Promise<void> {}
}

@OnIntegrationEvent(ProbeHappened, { module: 'catalog', name: 'catalog.Witness' })
class FirstWitness implements IntegrationEventHandler<ProbeHappened> {
  async handle(): Promise<void> {}
}

@OnIntegrationEvent(ProbeHappened, { module: 'catalog', name: 'catalog.Witness' })
class SecondWitness implements IntegrationEventHandler<ProbeHappened> {
  async handle(): Promise<void> {}
}

@Module({ providers: [MisplacedWitness] })
class MisplacedModule {}

@Module({ providers: [FirstWitness, SecondWitness] })
class NamesakesModule {}

describe('subscriber wiring is checked at start-up', () => {
  it('refuses a subscriber whose module has no DataSource in this process, in one line', async () => {
    const failure = await createTestApp({ modules: ['catalog'], extraModules: [MisplacedModule] }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WiringError);
    expect((failure as Error).message).toBe(
      'MisplacedWitness subscribes for module "payments", which has no DataSource in this process (catalog)',
    );
  });

  it('refuses two subscribers of one module under one inbox identity', async () => {
    const failure = await createTestApp({ modules: ['catalog'], extraModules: [NamesakesModule] }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WiringError);
    expect((failure as Error).message).toContain('FirstWitness and SecondWitness are both named "catalog.Witness"');
  });

  it('requires a name when the subscriber is declared', () => {
    expect(() => {
      @OnIntegrationEvent(ProbeHappened, { module: 'catalog', name: '' })
      class Nameless implements IntegrationEventHandler<ProbeHappened> {
        async handle(): Promise<void> {}
      }
      return Nameless;
    }).toThrow('Nameless: @OnIntegrationEvent needs a name such as "catalog.Nameless"');
  });
});
