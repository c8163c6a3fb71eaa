import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MINOR_UNITS } from '../../../platform/database';

/** One entry of an order's timeline (the table behind `TimelineEntry`). */
@Entity({ name: 'order_timeline' })
export class OrderTimelineEntryOrmEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) seq: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') status: string;
  @Column('text', { nullable: true }) reason: string | null;
  /** The money an entry is about (a refund), minor units; null for the others. */
  @Column('bigint', { nullable: true, transformer: MINOR_UNITS }) amount: number | null;
  @Column('char', { length: 3, nullable: true }) currency: string | null;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}
