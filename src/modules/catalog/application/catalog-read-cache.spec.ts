import { CatalogConfig } from '../catalog.config';
import { CatalogReadCache } from './catalog-read-cache';

function cacheWith(readCacheTtlMs: number, readCacheMaxEntries = 100): CatalogReadCache {
  return new CatalogReadCache({ readCacheTtlMs, readCacheMaxEntries } as CatalogConfig);
}

describe('CatalogReadCache', () => {
  it('serves a second read from memory and loads once for concurrent readers', async () => {
    const cache = cacheWith(10_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.through('p1', load), cache.through('p1', load)])).toEqual([1, 1]);
    expect(await cache.through('p1', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('forgets everything once a write has committed', async () => {
    const cache = cacheWith(10_000);
    let version = 1;
    expect(await cache.through('p1', async () => version)).toBe(1);
    await cache.afterWrite((async () => void (version = 2))());
    expect(await cache.through('p1', async () => version)).toBe(2);
  });

  it('does not keep a read that was in flight while a write committed', async () => {
    const cache = cacheWith(10_000);
    let finishRead: (value: string) => void = () => undefined;
    const stale = cache.through('p1', () => new Promise<string>((r) => (finishRead = r)));
    await cache.afterWrite(Promise.resolve());
    finishRead('before the write');
    expect(await stale).toBe('before the write');
    expect(await cache.through('p1', async () => 'after the write')).toBe('after the write');
  });

  it('clears even when the write failed, and rethrows its error', async () => {
    const cache = cacheWith(10_000);
    await cache.through('p1', async () => 'old');
    await expect(cache.afterWrite(Promise.reject(new Error('rolled back')))).rejects.toThrow('rolled back');
    expect(await cache.through('p1', async () => 'fresh')).toBe('fresh');
  });

  it('is bypassed with a TTL of 0 and evicts the oldest entry when full', async () => {
    const off = cacheWith(0);
    let loads = 0;
    await off.through('p1', async () => ++loads);
    await off.through('p1', async () => ++loads);
    expect(loads).toBe(2);

    const small = cacheWith(10_000, 2);
    await small.through('a', async () => 'a1');
    await small.through('b', async () => 'b1');
    await small.through('c', async () => 'c1');
    expect(await small.through('a', async () => 'a2')).toBe('a2');
    expect(await small.through('c', async () => 'c2')).toBe('c1');
  });
});
