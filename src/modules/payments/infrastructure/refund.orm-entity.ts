import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A refund of (part of) a captured payment; `request_key` makes a retried request the same refund. */
@Entity({ name: 'refunds' })
export class RefundOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'payment_id' }) paymentId: string;
  @Column('text', { name: 'request_key' }) requestKey: string;
  @Column('integer') amount: number;
  @Column('text') reason: string;
  @Column('text') status: 'pending' | 'succeeded' | 'failed';
  @Column('text', { name: 'provider_ref', nullable: true }) providerRef: string | null;
  @Column('text', { name: 'failure_reason', nullable: true }) failureReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
