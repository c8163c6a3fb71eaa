import { MessagingUpstreams } from './operations/messaging-upstreams';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandBatches } from './batching/command-batches';
import { MessagingAdminController } from './http/messaging-admin.controller';
import { LocalEventDispatcher } from './inbox/local-event-dispatcher';
import { MessageBus } from './message-bus';
import { MessagingOperations } from './operations/messaging-operations';
import { OutboxHandOff } from './outbox/outbox-hand-off';
import { OutboxRelays } from './outbox/outbox-relays';
import { TransactionRunner } from './transaction-runner';
import { InProcessTransport } from './transport/in-process.transport';
import { HOSTED_MODULES, MESSAGE_TRANSPORT, MessageTransport } from './transport/message-transport';
import { NatsBroker } from './transport/nats-broker';
import { NatsDeadLetters } from './transport/nats-dead-letters';
import { NatsEventConsumers } from './transport/nats-event-consumers';
import { NatsResponders } from './transport/nats-responders';
import { NatsTransport } from './transport/nats.transport';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({})
export class MessagingModule {
  /** The buses, relays, inbox dispatch and operations, for the modules hosted by this process. */
  static forRoot(hostedModules: readonly string[]): DynamicModule {
    return {
      module: MessagingModule,
      imports: [CqrsModule.forRoot(), DiscoveryModule],
      controllers: [MessagingAdminController],
      providers: [
        { provide: HOSTED_MODULES, useValue: hostedModules },
        MessageBus,
        CommandBatches,
        TransactionRunner,
        LocalEventDispatcher,
        InProcessTransport,
        // BROKER_URL set: NATS between processes; otherwise in-process (the NATS parts stay idle).
        NatsBroker,
        NatsTransport,
        NatsResponders,
        NatsEventConsumers,
        NatsDeadLetters,
        {
          provide: MESSAGE_TRANSPORT,
          inject: [NatsBroker, NatsTransport, InProcessTransport],
          useFactory: (broker: NatsBroker, nats: NatsTransport, inProcess: InProcessTransport): MessageTransport =>
            broker.enabled ? nats : inProcess,
        },
        OutboxHandOff,
        OutboxRelays,
        MessagingOperations,
        MessagingUpstreams,
      ],
      exports: [MessageBus, TransactionRunner, LocalEventDispatcher, OutboxRelays, HOSTED_MODULES, MESSAGE_TRANSPORT],
    };
  }
}

/** A business module's {@link UnitOfWork}, bound to its own schema. */
@Module({})
export class ModuleMessagingModule {
  static register(module: string): DynamicModule {
    return {
      module: ModuleMessagingModule,
      providers: [
        {
          provide: UnitOfWork,
          inject: [TransactionRunner],
          useFactory: (runner: TransactionRunner) => new UnitOfWork(runner, module),
        },
      ],
      exports: [UnitOfWork],
    };
  }
}
