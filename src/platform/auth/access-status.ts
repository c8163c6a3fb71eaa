import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config';
import { Role } from './authenticated-user';

/** What the module that owns users knows *now* about a user's rights. */
export interface AccessStatus {
  readonly roles: readonly Role[];
  /** Bumped whenever all of the user's sessions are revoked (logout everywhere, new password). */
  readonly sessionVersion: number;
}

/**
 * Asks the module that owns users, wherever it runs, for a user's access status (null: no such
 * user). The composition root binds it (the platform knows no module).
 */
export interface AccessStatusSource {
  statusOf(userId: string): Promise<AccessStatus | null>;
}

/** Injection token of the {@link AccessStatusSource}; the composition root binds it to the message bus. */
export const ACCESS_STATUS_SOURCE = Symbol('ACCESS_STATUS_SOURCE');

/** Few users are admins; the bound only guards against a flood of distinct valid tokens. */
const MAX_ENTRIES = 10_000;

/**
 * Access statuses for a short time (`ACCESS_STATUS_CACHE_MS`, default 2 s), so a busy admin costs at
 * most one lookup per user per period and process. Concurrent lookups of one user share one request;
 * a failed lookup is not kept. The owner calls {@link forget} after a change, so the process that made
 * it sees it at once; other processes see it when their entry expires.
 */
@Injectable()
export class AccessStatusCache {
  private readonly entries = new Map<
    string,
    { readonly status: Promise<AccessStatus | null>; readonly until: number }
  >();
  private readonly ttlMs: number;

  constructor(
    @Inject(ACCESS_STATUS_SOURCE) private readonly source: AccessStatusSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.auth.accessStatusCacheMs;
  }

  statusOf(userId: string): Promise<AccessStatus | null> {
    const now = Date.now();
    const cached = this.entries.get(userId);
    if (cached && cached.until > now) return cached.status;
    const status = this.source.statusOf(userId);
    if (this.ttlMs > 0) {
      this.entries.delete(userId);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(userId, { status, until: now + this.ttlMs });
      status.catch(() => this.entries.delete(userId));
    }
    return status;
  }

  forget(userId: string): void {
    this.entries.delete(userId);
  }
}
