import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CheckoutState } from '../domain/checkout-saga';

/** The checkout process manager's durable state, one row per order. */
@Entity({ name: 'checkout_sagas' })
export class CheckoutSagaOrmEntity {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') state: CheckoutState;
  /** The order carries promotions: redeeming them is a step, giving them back a compensation. */
  @Column('boolean', { default: false }) promotions: boolean;
  @Column('boolean', { name: 'stock_committed', default: false }) stockCommitted: boolean;
  @Column('boolean', { name: 'payment_captured', default: false }) paymentCaptured: boolean;
  /** When the current step times out; null once no reply is awaited. */
  @Column('timestamptz', { name: 'step_deadline', nullable: true }) stepDeadline: Date | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
