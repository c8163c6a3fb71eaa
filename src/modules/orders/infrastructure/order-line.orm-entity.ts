import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'order_lines' })
export class OrderLineEntity {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId: string;
  @PrimaryColumn('integer', { name: 'line_no' }) lineNo: number;
  /** Catalog ids, by value only: no relation crosses schemas. */
  @Column('uuid', { name: 'product_id' }) productId: string;
  @Column('uuid', { name: 'variant_id' }) variantId: string;
  @Column('text') sku: string;
  @Column('text') title: string;
  @Column('integer') quantity: number;
  @Column('bigint', { name: 'unit_price', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  unitPrice: number;
  @Column('char', { length: 3 }) currency: string;
}
