import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { UnitOfWork } from '../../../../platform/messaging';
import { CART_CONFIG, CartConfig } from '../../cart.config';
import { CartRepository } from '../../infrastructure/cart.repository';
import { CartChanges } from '../cart-changes';

/**
 * Deletes guest carts (open or already claimed) idle for longer than GUEST_CART_TTL_HOURS. Reads
 * treat such carts as gone already, so the sweep only reclaims space and its timing never matters.
 */
@Injectable()
export class GuestCartSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Cart');
  private readonly task: PeriodicTask;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly carts: CartRepository,
    private readonly changes: CartChanges,
    @Inject(CART_CONFIG) config: CartConfig,
  ) {
    this.task = new PeriodicTask('GuestCartSweeper', config.sweepIntervalSeconds * 1000, () => this.sweep());
  }

  /** Starts sweeping every CART_SWEEP_INTERVAL_SECONDS. */
  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Stops sweeping, waiting for a sweep under way. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Deletes expired guest carts now; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const idleSince = new Date(now.getTime() - this.changes.guestTtlMs);
    const deleted = await this.uow.run((tx) => this.carts.deleteGuestCartsIdleSince(tx, idleSince));
    if (deleted > 0) this.logger.log(`Deleted ${deleted} expired guest carts`);
    return deleted;
  }
}
