import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MINOR_UNITS } from '../../../platform/database';

/** A line of an order, at the price its customer accepted (the table behind `OrderLine`). */
@Entity({ name: 'order_lines' })
export class OrderLineOrmEntity {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId: string;
  @PrimaryColumn('integer', { name: 'line_no' }) lineNo: number;
  /** Catalog ids, by value only: no relation crosses schemas. */
  @Column('uuid', { name: 'product_id' }) productId: string;
  @Column('uuid', { name: 'variant_id' }) variantId: string;
  @Column('text') sku: string;
  @Column('text') title: string;
  @Column('integer') quantity: number;
  @Column('bigint', { name: 'unit_price', transformer: MINOR_UNITS })
  unitPrice: number;
  @Column('char', { length: 3 }) currency: string;
  /** What promotions took off the line, minor units (never above unit price × quantity). */
  @Column('bigint', { transformer: MINOR_UNITS, default: 0 }) discount: number;
  /** Tax on the line after its discount, minor units. */
  @Column('bigint', { transformer: MINOR_UNITS, default: 0 }) tax: number;
  @Column('integer', { name: 'tax_rate_ppm', default: 0 }) taxRatePpm: number;
  /** `[{promotionId, code, amount}]`: the discount per promotion. */
  @Column('jsonb', { name: 'by_promotion', default: () => "'[]'" }) byPromotion: unknown[];
  /** Catalog's category ids of the product when ordered (promotions' scope at redemption). */
  @Column('jsonb', { name: 'category_ids', default: () => "'[]'" }) categoryIds: string[];
  /** Units refunded so far (partial refunds by line). */
  @Column('integer', { name: 'refunded_units', default: 0 }) refundedUnits: number;
}
