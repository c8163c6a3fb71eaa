import { Inject, Injectable } from '@nestjs/common';
import { CATALOG_CONFIG, CatalogConfig } from '../catalog.config';

interface Entry<T> {
  readonly value: T;
  readonly at: number;
}

/**
 * A small in-process cache of catalog's public reads (product detail, product lists), the hot
 * read paths (docs/architecture.md §10). Catalog's own writes empty it once they have committed (every
 * write use case and stock handler ends with `afterWrite`), so this process never serves what it
 * knows to be stale; the age limit bounds how long a write by another instance can go unseen.
 * A read that was in flight while a write committed is not kept (the generation check).
 */
@Injectable()
export class CatalogReadCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(@Inject(CATALOG_CONFIG) private readonly config: CatalogConfig) {}

  /** The cached value of `key`, or `load()`'s (one load at a time per key). */
  async through<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.config.readCacheTtlMs === 0) return load();
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.config.readCacheTtlMs) return hit.value as T;
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const generation = this.generation;
    const loading = load().then(
      (value) => {
        if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
        if (generation === this.generation) this.keep(key, value);
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, loading);
    return loading;
  }

  /** Waits for a catalog write, then empties the cache (whether the write succeeded or not). */
  async afterWrite<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.clear();
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inFlight.clear();
  }

  private keep(key: string, value: unknown): void {
    // Oldest first: Map keeps insertion order, so the first key is the least recently filled.
    if (this.entries.size >= this.config.readCacheMaxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, at: Date.now() });
  }
}
