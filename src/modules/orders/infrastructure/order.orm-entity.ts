import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MINOR_UNITS } from '../../../platform/database';
import type { OrderStatus, ShippingAddress } from '../domain/order';

/** An order (the table behind `Order`); its lines, timeline and checkout are tables of their own. */
@Entity({ name: 'orders' })
export class OrderOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'customer_id' }) customerId: string;
  @Column('uuid', { name: 'cart_id' }) cartId: string;
  @Column('text') status: OrderStatus;
  @Column('char', { length: 3 }) currency: string;
  @Column('bigint', { name: 'total_amount', transformer: MINOR_UNITS })
  totalAmount: number;
  @Column('bigint', { name: 'shipping_amount', transformer: MINOR_UNITS, default: 0 })
  shippingAmount: number;
  @Column('uuid', { name: 'shipping_method_id', nullable: true }) shippingMethodId: string | null;
  @Column('text', { name: 'shipping_method_name', nullable: true }) shippingMethodName: string | null;
  @Column('integer', { name: 'item_count' }) itemCount: number;
  @Column('jsonb', { name: 'shipping_address' }) shippingAddress: ShippingAddress;
  @Column('text', { name: 'payment_provider' }) paymentProvider: string;
  /** The provider's token for the card (never card data); needed to authorize. */
  @Column('text', { name: 'payment_token' }) paymentToken: string;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('text', { nullable: true }) carrier: string | null;
  @Column('text', { name: 'tracking_number', nullable: true }) trackingNumber: string | null;
  @Column('timestamptz', { name: 'shipped_at', nullable: true }) shippedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
