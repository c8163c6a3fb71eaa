import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { MINOR_UNITS } from '../../../platform/database';

/** A refund of (part of) a captured payment; `request_key` makes a retried request the same refund. */
@Entity({ name: 'refunds' })
export class RefundOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'payment_id' }) paymentId: string;
  @Column('text', { name: 'request_key' }) requestKey: string;
  /** Minor units, in the payment's currency. */
  @Column('bigint', { transformer: MINOR_UNITS }) amount: number;
  @Column('text') reason: string;
  @Column('text') status: 'pending' | 'succeeded' | 'failed';
  @Column('text', { name: 'provider_ref', nullable: true }) providerRef: string | null;
  @Column('text', { name: 'failure_reason', nullable: true }) failureReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
