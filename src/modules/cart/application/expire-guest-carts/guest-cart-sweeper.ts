import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CART_CONFIG, CartConfig } from '../../cart.config';
import { CartRepository } from '../../infrastructure/cart.repository';
import { CartChanges } from '../cart-changes';

/**
 * Deletes guest carts (open or already claimed) idle for longer than GUEST_CART_TTL_HOURS. Reads
 * treat such carts as gone already, so the sweep only reclaims space and its timing never matters.
 */
@Injectable()
export class GuestCartSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Cart');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly carts: CartRepository,
    private readonly changes: CartChanges,
    @Inject(CART_CONFIG) private readonly config: CartConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalSeconds === 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'Guest cart sweep failed'));
    }, this.config.sweepIntervalSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Deletes expired guest carts now; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const deleted = await this.carts.deleteGuestCartsIdleSince(
      this.changes.manager,
      new Date(now.getTime() - this.changes.guestTtlMs),
    );
    if (deleted > 0) this.logger.log(`Deleted ${deleted} expired guest carts`);
    return deleted;
  }
}
