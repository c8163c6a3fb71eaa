import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'order_timeline' })
export class OrderTimelineEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) seq: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') status: string;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}
