import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../config';

/** At most `points` hits per key in a fixed window of `windowSeconds` (the window starts at a key's first hit). */
export interface RateLimit {
  /** Names the counter and prefixes its keys, e.g. `login-address`. */
  readonly name: string;
  readonly points: number;
  readonly windowSeconds: number;
}

export interface LimitVerdict {
  readonly allowed: boolean;
  /** Whole seconds until the key's window ends (for `Retry-After`); 0 when allowed. */
  readonly retryAfterSeconds: number;
}

const ALLOWED: LimitVerdict = { allowed: true, retryAfterSeconds: 0 };

/** Keys are digests: fixed length whatever a client typed, and no email address sits in Redis. */
const storageKey = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 22);

/** One named limit; every call is O(1) (a map entry, or one Redis round trip running one script). */
export class Limiter {
  constructor(private readonly counter: RateLimiterAbstract) {}

  /** Counts one hit on `key` and says whether it is within the limit (the hit counts either way). */
  async hit(key: string): Promise<LimitVerdict> {
    try {
      await this.counter.consume(storageKey(key));
      return ALLOWED;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }

  /** Forgets every hit of `key` (e.g. a pair's failed logins after a success). */
  async forget(key: string): Promise<void> {
    await this.counter.delete(storageKey(key));
  }
}

/**
 * Makes rate limiters (rate-limiter-flexible). With `REDIS_URL` the counters live in Redis, so every
 * instance counts the same hits; while Redis is unreachable each instance falls back to counting in
 * its own memory. Without `REDIS_URL` counters are in memory, per process. Either way a key's state
 * expires with its window, so memory stays bounded by the keys seen in one window.
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis | undefined;
  private redisDown = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.redis.url === undefined) return;
    // No offline queue: while Redis is away a hit goes straight to the in-memory fallback.
    this.redis = new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', (error: Error) => {
      if (this.redisDown) return;
      this.redisDown = true;
      this.logger.warn(`Redis is unreachable (${error.message}); rate limits count per instance until it is back`);
    });
    this.redis.on('ready', () => {
      if (this.redisDown) this.logger.log('Redis is back; rate limits are shared again');
      this.redisDown = false;
    });
  }

  /** Where counters live: `redis` (shared by every instance) or `memory` (this process only). */
  get store(): 'redis' | 'memory' {
    return this.redis ? 'redis' : 'memory';
  }

  limiter(limit: RateLimit): Limiter {
    const options = { points: limit.points, duration: limit.windowSeconds };
    const memory = new RateLimiterMemory({ ...options, keyPrefix: limit.name });
    if (!this.redis) return new Limiter(memory);
    return new Limiter(
      new RateLimiterRedis({
        ...options,
        storeClient: this.redis,
        keyPrefix: `${this.config.redis.prefix}:limit:${limit.name}`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      }),
    );
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
