import { Injectable } from '@nestjs/common';
import { MessageEnvelope } from '../contracts';
import { LocalEventDispatcher } from '../inbox/local-event-dispatcher';
import { MessageTransport } from './message-transport';
import { ModuleUnreachableError } from '../messaging-errors';

/** One process, no broker: events go straight to the local subscribers. */
@Injectable()
export class InProcessTransport implements MessageTransport {
  readonly name = 'in-process';

  constructor(private readonly dispatcher: LocalEventDispatcher) {}

  async publish(events: readonly MessageEnvelope[]): Promise<void> {
    for (const event of events) await this.dispatcher.dispatch(event);
  }

  request(message: MessageEnvelope): Promise<unknown> {
    const module = message.type.split('.')[0];
    return Promise.reject(
      new ModuleUnreachableError(module, message.type, 'it is not in MODULES and no broker is configured (BROKER_URL)'),
    );
  }
}
