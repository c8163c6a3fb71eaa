import { EntityManager } from 'typeorm';
import { Money } from '../../../platform/messaging';
import { OrderTimelineEntryEntity } from './order-timeline-entry.orm-entity';

/** Appends what happened to an order to its timeline (shown to the customer and admins). */
export async function recordOnTimeline(
  manager: EntityManager,
  orderId: string,
  status: string,
  reason: string | null = null,
  money: Money | null = null,
): Promise<void> {
  await manager.insert(OrderTimelineEntryEntity, {
    orderId,
    status,
    reason,
    amount: money?.amount ?? null,
    currency: money?.currency ?? null,
  });
}

/**
 * Records what another module reports about an order (a refund, released stock), if the order is
 * one of ours: other modules' messages name orders by id only, and may concern orders this
 * database never had (tests, another deployment's data). One statement either way.
 */
export async function recordOnTimelineIfKnown(
  manager: EntityManager,
  orderId: string,
  status: string,
  reason: string | null = null,
  money: Money | null = null,
): Promise<void> {
  await manager.query(
    `INSERT INTO order_timeline (order_id, status, reason, amount, currency)
     SELECT id, $2, $3, $4, $5 FROM orders WHERE id = $1`,
    [orderId, status, reason, money?.amount ?? null, money?.currency ?? null],
  );
}
