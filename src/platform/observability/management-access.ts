import { Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Who may read operational detail (`/metrics`, readiness details): anyone in development and tests
 * while `METRICS_TOKEN` is unset; otherwise only a caller sending `Authorization: Bearer <METRICS_TOKEN>`.
 * In production without a token nobody may: the public port shows no internals.
 */
@Injectable()
export class ManagementAccess {
  private readonly token: Buffer | undefined;
  readonly open: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.token = config.metricsToken === undefined ? undefined : digest(config.metricsToken);
    this.open = config.metricsToken === undefined && config.env !== 'production';
  }

  /** Whether a request with this `Authorization` header may see operational detail. */
  allows(authorization: string | undefined): boolean {
    if (this.open) return true;
    const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    // Digests have one length, so the comparison takes the same time whatever was sent.
    return this.token !== undefined && presented !== undefined && timingSafeEqual(digest(presented), this.token);
  }
}
