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
}
