import {
  Command,
  CommandContract,
  IntegrationEvent,
  IntegrationEventContract,
  Query,
  QueryContract,
} from '../../src/platform/messaging/testing';

/** Test-only contracts, owned by the catalog module's schema so the real tables are used. */
@IntegrationEventContract('catalog.ProbeHappened.v1', () => new ProbeHappened({ label: 'example', n: 1 }))
export class ProbeHappened extends IntegrationEvent<{ label: string; n: number }> {}

@CommandContract('catalog.RecordProbe', () => new RecordProbe('example'))
export class RecordProbe extends Command<{ recorded: string; at: string }> {
  constructor(readonly label: string) {
    super();
  }
}

@QueryContract('payments.ProbeQuery', () => new ProbeQuery())
export class ProbeQuery extends Query<{ ok: boolean }> {}
