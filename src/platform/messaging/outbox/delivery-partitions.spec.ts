import { MessageEnvelope } from '../contracts';
import { deliverInPartitions, partitionKeyOf } from './delivery-partitions';

const envelope = (kind: MessageEnvelope['kind'], type: string, body: Record<string, unknown>): MessageEnvelope => ({
  kind,
  type,
  id: 'id',
  correlationId: 'c',
  causationId: null,
  body,
});

describe('outbox delivery partitions', () => {
  it('keys a message by what it is about, else by its type', () => {
    expect(
      partitionKeyOf(envelope('event', 'catalog.StockReserved.v1', { payload: { orderId: 'o1', lines: [] } })),
    ).toBe('orderId:o1');
    expect(partitionKeyOf(envelope('event', 'catalog.ProductUpdated.v1', { payload: { productId: 'p1' } }))).toBe(
      'productId:p1',
    );
    expect(partitionKeyOf(envelope('command', 'catalog.ReserveStock', { orderId: 'o2', lines: [] }))).toBe(
      'orderId:o2',
    );
    expect(partitionKeyOf(envelope('command', 'cart.ClearCart', { cartId: 'c1', orderId: 'o3' }))).toBe('orderId:o3');
    expect(partitionKeyOf(envelope('event', 'x.Thing.v1', { payload: { other: 1 } }))).toBe('type:x.Thing.v1');
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
