import { Module } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RequestContext } from '../../../src/platform/context';
import { ProblemException } from '../../../src/platform/http';
import {
  IntegrationEventHandler,
  OnIntegrationEvent,
  Query,
  QueryContract,
  Transaction,
} from '../../../src/platform/messaging/testing';
import { ProbeHappened } from '../../messaging/probe.contracts';

/** A query owned by orders, so that a process without orders must ask over the broker. */
@QueryContract('orders.ExtractionEcho', () => new ExtractionEcho('example'))
export class ExtractionEcho extends Query<{
  echoed: string;
  correlationId: string | null;
  causationId: string | null;
}> {
  constructor(readonly text: string) {
    super();
  }
}

@QueryHandler(ExtractionEcho)
export class ExtractionEchoHandler implements IQueryHandler<ExtractionEcho> {
  async execute(
    query: ExtractionEcho,
  ): Promise<{ echoed: string; correlationId: string | null; causationId: string | null }> {
    if (query.text === 'missing') throw ProblemException.notFound(`Echo "${query.text}"`);
    if (query.text === 'bug') throw new Error('an unexpected failure inside orders');
    const context = RequestContext.current();
    return {
      echoed: query.text,
      correlationId: context?.correlationId ?? null,
      causationId: context?.causationId ?? null,
    };
  }
}

/** What the witness saw: each event it handled (once per event, thanks to the inbox), with its context. */
export const witnessed: { eventId: string; label: string; correlationId?: string; causationId?: string }[] = [];

/** A second orders consumer of ProbeHappened: it never fails, so it shows what the inbox absorbs. */
@OnIntegrationEvent(ProbeHappened, { module: 'orders', name: 'ExtractionWitness' })
export class ExtractionWitness implements IntegrationEventHandler<ProbeHappened> {
  async handle(event: ProbeHappened, tx: Transaction): Promise<void> {
    await tx.manager.query('SELECT 1');
    const context = RequestContext.current();
    witnessed.push({
      eventId: event.eventId,
      label: event.payload.label,
      correlationId: context?.correlationId,
      causationId: context?.causationId,
    });
  }
}

@Module({ providers: [ExtractionEchoHandler, ExtractionWitness] })
export class ExtractionProbeModule {}
