import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AddressOrmEntity } from '../../infrastructure/address.orm-entity';
import { AddressView, toAddressView } from '../views';

/** A user's address book, oldest first (a handful of rows: no pagination needed). */
@Injectable()
export class ListAddressesHandler {
  constructor(@InjectDataSource('accounts') private readonly dataSource: DataSource) {}

  async execute(userId: string): Promise<{ items: AddressView[]; nextCursor: null }> {
    const rows = await this.dataSource
      .getRepository(AddressOrmEntity)
      .find({ where: { userId }, order: { id: 'ASC' } });
    return { items: rows.map(toAddressView), nextCursor: null };
  }
}
