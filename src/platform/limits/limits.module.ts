import { Global, Module } from '@nestjs/common';
import { RateLimits } from './rate-limits';

/** Rate limits for every module: in memory, or in Redis when `REDIS_URL` is set. */
@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class LimitsModule {}
