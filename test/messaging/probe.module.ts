import { Client } from 'pg';
import { Body, Controller, DynamicModule, Module, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../src/platform/http';
import { IsString } from 'class-validator';
import { RequestContext, RequestContextData } from '../../src/platform/context';
import {
  IntegrationEventHandler,
  OnIntegrationEvent,
  Transaction,
  TransactionRunner,
} from '../../src/platform/messaging/testing';
import { ProbeHappened, RecordProbe } from './probe.contracts';

/** Knobs a test turns to make the probe handlers misbehave. */
export const probeControls = {
  failingLabels: new Set<string>(),
  seenContexts: [] as (RequestContextData | undefined)[],
  /** Labels of every RecordProbe executed, in order. */
  executedCommands: [] as string[],
  /** RecordProbe with one of these labels waits for the promise before it answers. */
  heldCommands: new Map<string, Promise<void>>(),
};

/** Records each event it handles as a row in cart.probe_effects (the effect the inbox guards). */
@OnIntegrationEvent(ProbeHappened, { module: 'cart', name: 'RecordProbeEffectInCart' })
export class RecordProbeEffectInCart implements IntegrationEventHandler<ProbeHappened> {
  async handle(event: ProbeHappened, tx: Transaction): Promise<void> {
    probeControls.seenContexts.push(RequestContext.current());
    await tx.manager.query('INSERT INTO cart.probe_effects (event_id, label) VALUES ($1, $2)', [
      event.eventId,
      event.payload.label,
    ]);
  }
}

/** A second subscriber, in another module, that fails on demand. */
@OnIntegrationEvent(ProbeHappened, { module: 'orders', name: 'FlakyProbeConsumerInOrders' })
export class FlakyProbeConsumerInOrders implements IntegrationEventHandler<ProbeHappened> {
  async handle(event: ProbeHappened, tx: Transaction): Promise<void> {
    if (probeControls.failingLabels.has(event.payload.label))
      throw new Error(`probe failure for ${event.payload.label}`);
    await tx.manager.query('INSERT INTO orders.probe_effects (event_id, label) VALUES ($1, $2)', [
      event.eventId,
      event.payload.label,
    ]);
  }
}

@CommandHandler(RecordProbe)
export class RecordProbeHandler implements ICommandHandler<RecordProbe> {
  async execute(command: RecordProbe): Promise<{ recorded: string; at: string }> {
    probeControls.executedCommands.push(command.label);
    await probeControls.heldCommands.get(command.label);
    if (command.label === 'conflict')
      throw ProblemException.conflict('probe-conflict', 'Probe says no.', { label: command.label });
    return { recorded: command.label, at: new Date(0).toISOString() };
  }
}

class PublishProbeDto {
  @IsString() readonly label: string;
}

/** Publishes a probe event from an HTTP request, to follow correlation from the request on. */
@Controller('test-probe')
export class ProbeController {
  constructor(private readonly runner: TransactionRunner) {}

  @Post()
  async publish(@Body() body: PublishProbeDto): Promise<{ eventId: string }> {
    return this.runner.run('catalog', async (tx) => {
      const event = new ProbeHappened({ label: body.label, n: 1 });
      tx.publish(event);
      return { eventId: event.eventId };
    });
  }
}

const SUBSCRIBERS = { cart: RecordProbeEffectInCart, orders: FlakyProbeConsumerInOrders } as const;

/** The probe for a process that hosts only some of catalog, cart and orders (see ProbeModule.hosting). */
@Module({})
class PartialProbeModule {}

/** The probe for a process hosting catalog, cart and orders (a subscriber needs its module's DataSource). */
@Module({
  controllers: [ProbeController],
  providers: [RecordProbeEffectInCart, FlakyProbeConsumerInOrders, RecordProbeHandler],
})
export class ProbeModule {
  /** The probe for a process hosting only `modules`: the subscribers of those, the controller and command handler. */
  static hosting(modules: readonly (keyof typeof SUBSCRIBERS | 'catalog')[]): DynamicModule {
    const subscribers = Object.entries(SUBSCRIBERS)
      .filter(([module]) => modules.includes(module as keyof typeof SUBSCRIBERS))
      .map(([, subscriber]) => subscriber);
    return {
      module: PartialProbeModule,
      controllers: [ProbeController],
      providers: [...subscribers, RecordProbeHandler],
    };
  }
}

export const PROBE_TABLES_SQL = [
  'CREATE TABLE cart.probe_effects (event_id uuid NOT NULL, label text NOT NULL)',
  'ALTER TABLE cart.probe_effects OWNER TO arcade_cart',
  'CREATE TABLE orders.probe_effects (event_id uuid NOT NULL, label text NOT NULL)',
  'ALTER TABLE orders.probe_effects OWNER TO arcade_orders',
];

/** Creates the probe's tables in a test database (as the superuser the tests connect as). */
export async function createProbeTables(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const sql of PROBE_TABLES_SQL) await client.query(sql);
  } finally {
    await client.end();
  }
}
