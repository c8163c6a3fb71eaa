import { EntityManager } from 'typeorm';
import { OrderTimelineEntryEntity } from './order-timeline-entry.orm-entity';

/** Appends what happened to an order to its timeline (shown to the customer and admins). */
export async function recordOnTimeline(
  manager: EntityManager,
  orderId: string,
  status: string,
  reason: string | null = null,
): Promise<void> {
  await manager.insert(OrderTimelineEntryEntity, { orderId, status, reason });
}
