import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '../../../platform/auth';

/** A user row (registered with the DataSource; repositories read and write it with SQL). */
@Entity({ name: 'users' })
export class UserOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text', { array: true }) roles: Role[];
  /** Bumped when every session is revoked; access tokens carry the version they were issued under. */
  @Column('integer', { name: 'session_version', default: 0 }) sessionVersion: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
