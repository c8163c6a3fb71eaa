import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MINOR_UNITS } from '../../../platform/database';
import type { OrderStatus, ShippingAddress } from '../domain/order';
import type { OrderPromotion, PricedPart } from '../domain/order-breakdown';

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
  @Column('bigint', { name: 'subtotal_amount', transformer: MINOR_UNITS })
  subtotalAmount: number;
  @Column('bigint', { name: 'discount_amount', transformer: MINOR_UNITS, default: 0 })
  discountAmount: number;
  @Column('bigint', { name: 'tax_amount', transformer: MINOR_UNITS, default: 0 })
  taxAmount: number;
  @Column('boolean', { name: 'tax_included', default: false }) taxIncluded: boolean;
  @Column('char', { name: 'tax_country', length: 2, nullable: true }) taxCountry: string | null;
  @Column('bigint', { name: 'shipping_amount', transformer: MINOR_UNITS, default: 0 })
  shippingAmount: number;
  /** Shipping's discount, tax, rate and amounts per promotion; null without a method. */
  @Column('jsonb', { name: 'shipping_pricing', nullable: true }) shippingPricing: PricedPart | null;
  @Column('text', { name: 'promotion_codes', array: true, default: () => "'{}'" }) promotionCodes: string[];
  @Column('jsonb', { default: () => "'[]'" }) promotions: OrderPromotion[];
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
