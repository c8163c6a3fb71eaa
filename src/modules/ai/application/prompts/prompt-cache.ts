import { Logger } from '@nestjs/common';
import { describeError, problemDataOf } from '../../../../platform/errors';
import { AiDomainError } from '../../domain/ai-domain-error';
import type { LabelResolution } from './prompt-records';

export interface PromptCacheOptions {
  /** An entry younger than this is served without asking the vault, in milliseconds. */
  readonly ttlMs: number;
  /** Past its TTL, an entry is still served (and refreshed in the background) for this long, in milliseconds. */
  readonly maxStaleMs: number;
  /** The clock, in milliseconds (tests pass their own). */
  readonly now?: () => number;
  /** Most (name, label) entries kept; the oldest read goes first. */
  readonly maxEntries?: number;
}

export interface CachedResolution {
  readonly resolution: LabelResolution;
  /** `vault` = loaded now, `cache` = within the TTL, `stale` = past it, refresh under way or failing. */
  readonly source: 'vault' | 'cache' | 'stale';
}

interface Entry {
  resolution: LabelResolution;
  loadedAt: number;
  refreshing?: Promise<void>;
}

/**
 * The live version of each (prompt, label), kept in memory with bounded staleness
 * (stale-while-revalidate, as Langfuse's SDKs do):
 * - younger than `ttlMs`: served as is;
 * - up to `ttlMs + maxStaleMs`: served at once while ONE background refresh runs; a failed refresh
 *   keeps the entry (an unreachable vault does not break callers);
 * - older, or absent: loaded before answering; if the vault cannot answer, the error propagates and
 *   the caller's declared fallback takes over. Nothing older than `ttlMs + maxStaleMs` is ever served.
 * An answer of the vault (no such prompt or label) is not an outage: it drops the entry.
 * A label move in this process invalidates the prompt at once; other processes see it within `ttlMs`.
 */
export class PromptCache {
  private readonly entries = new Map<string, Entry>();
  private readonly logger = new Logger('PromptCache');
  private readonly now: () => number;

  constructor(private readonly options: PromptCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(name: string, label: string, load: () => Promise<LabelResolution>): Promise<CachedResolution> {
    const key = `${name}\u001f${label}`;
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.loadedAt : Infinity;
    if (entry && age < this.options.ttlMs) return { resolution: entry.resolution, source: 'cache' };
    if (entry && age < this.options.ttlMs + this.options.maxStaleMs) {
      entry.refreshing ??= this.refresh(key, load).finally(() => (entry.refreshing = undefined));
      return { resolution: entry.resolution, source: 'stale' };
    }
    try {
      const resolution = await load();
      this.store(key, resolution);
      return { resolution, source: 'vault' };
    } catch (error) {
      if (isAnswer(error)) this.entries.delete(key);
      throw error;
    }
  }

  /** Forgets every label of a prompt (after a new version or a label move here). */
  invalidate(name: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${name}\u001f`)) this.entries.delete(key);
  }

  private async refresh(key: string, load: () => Promise<LabelResolution>): Promise<void> {
    try {
      this.store(key, await load());
    } catch (error) {
      if (isAnswer(error)) {
        this.entries.delete(key);
        return;
      }
      this.logger.warn(
        `Prompt ${key.replace('\u001f', '@')} could not be refreshed; serving it stale: ${describeError(error)}`,
      );
    }
  }

  private store(key: string, resolution: LabelResolution): void {
    this.entries.delete(key);
    this.entries.set(key, { resolution, loadedAt: this.now() });
    const max = this.options.maxEntries ?? 1000;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** The vault answered (no such prompt, label): not an outage, never served from the cache. */
function isAnswer(error: unknown): boolean {
  const problem = problemDataOf(error);
  return error instanceof AiDomainError || (problem !== undefined && problem.status < 500);
}
