import { Command, CommandContract, IntegrationEvent, IntegrationEventContract, MessageEnvelope } from '../contracts';
import { deliverInPartitions, partitionKeyOf } from './delivery-partitions';

@IntegrationEventContract('specs.ParcelPacked.v1', () => new ParcelPacked({ parcelId: 'p0', weight: 1 }), {
  key: (e) => e.payload.parcelId,
})
class ParcelPacked extends IntegrationEvent<{ parcelId: string | null; weight: number }> {}

@CommandContract('specs.ShipParcel', () => new ShipParcel('p0', 'c0'), { key: (c) => c.parcelId })
class ShipParcel extends Command {
  constructor(
    readonly parcelId: string,
    readonly crateId: string,
  ) {
    super();
  }
}

@IntegrationEventContract('specs.ShelfDusted.v1', () => new ShelfDusted({ parcelId: 'p0' }))
class ShelfDusted extends IntegrationEvent<{ parcelId: string }> {}

const envelope = (kind: MessageEnvelope['kind'], type: string, body: object): MessageEnvelope => ({
  kind,
  type,
  id: 'id',
  correlationId: 'c',
  causationId: null,
  body: JSON.parse(JSON.stringify(body)) as Record<string, unknown>,
});

describe('outbox delivery partitions', () => {
  it("keys a message by the key its contract declares, so one parcel's messages share a partition", () => {
    const packed = new ParcelPacked({ parcelId: 'p1', weight: 3 });
    expect(partitionKeyOf(envelope('event', packed.type, packed))).toBe('key:p1');
    expect(partitionKeyOf(envelope('command', 'specs.ShipParcel', new ShipParcel('p1', 'c9')))).toBe('key:p1');
  });

  it('falls back to the type without a declared key, an unknown contract, or a null key', () => {
    const dusted = new ShelfDusted({ parcelId: 'p1' });
    expect(partitionKeyOf(envelope('event', dusted.type, dusted))).toBe('type:specs.ShelfDusted.v1');
    expect(partitionKeyOf(envelope('event', 'x.Thing.v1', { payload: { parcelId: 'p1' } }))).toBe('type:x.Thing.v1');
    const unaddressed = new ParcelPacked({ parcelId: null, weight: 3 });
    expect(partitionKeyOf(envelope('event', unaddressed.type, unaddressed))).toBe('type:specs.ParcelPacked.v1');
    expect(partitionKeyOf(envelope('event', unaddressed.type, { payload: 'not an object' }))).toBe(
      'type:specs.ParcelPacked.v1',
    );
  });

  it('delivers in order within a partition and partitions side by side', async () => {
    const items = [
      { key: 'a', n: 1 },
      { key: 'b', n: 1 },
      { key: 'a', n: 2 },
      { key: 'c', n: 1 },
      { key: 'a', n: 3 },
      { key: 'b', n: 2 },
    ];
    const seen: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    await deliverInPartitions(
      items,
      (i) => i.key,
      4,
      async (item) => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await new Promise((r) => setImmediate(r));
        seen.push(`${item.key}${item.n}`);
        inFlight--;
      },
    );
    expect(seen.filter((s) => s.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(seen.filter((s) => s.startsWith('b'))).toEqual(['b1', 'b2']);
    expect(seen).toHaveLength(6);
    expect(mostInFlight).toBe(3);
  });

  it('keeps going after a failure and reports it once everything settled', async () => {
    const seen: number[] = [];
    const run = deliverInPartitions(
      [1, 2, 3],
      () => 'same',
      2,
      async (n) => {
        if (n === 2) throw new Error('boom');
        seen.push(n);
      },
    );
    await expect(run).rejects.toThrow('boom');
    expect(seen).toEqual([1, 3]);
  });

  it('respects the concurrency limit', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    await deliverInPartitions(
      [...'abcdefghij'],
      (k) => k,
      3,
      async () => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
      },
    );
    expect(mostInFlight).toBe(3);
  });
});
