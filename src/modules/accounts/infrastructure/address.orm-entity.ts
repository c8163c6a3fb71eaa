import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An address row (registered with the DataSource; repositories read and write it with SQL). */
@Entity({ name: 'addresses' })
export class AddressOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') name: string;
  @Column('text') line1: string;
  @Column('text', { nullable: true }) line2: string | null;
  @Column('text') city: string;
  @Column('text', { name: 'postal_code' }) postalCode: string;
  @Column('char', { length: 2 }) country: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
