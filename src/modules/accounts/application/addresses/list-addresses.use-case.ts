import { Injectable } from '@nestjs/common';
import { AddressRepository } from '../../infrastructure/address.repository';
import { AddressView, toAddressView } from '../views';

/** Whose address book. */
export interface ListAddressesInput {
  readonly userId: string;
}

/** A user's address book, oldest first (a handful of rows: no pagination needed). */
@Injectable()
export class ListAddressesUseCase {
  constructor(private readonly addresses: AddressRepository) {}

  async execute(input: ListAddressesInput): Promise<{ items: AddressView[]; nextCursor: null }> {
    const addresses = await this.addresses.listOf(input.userId);
    return { items: addresses.map(toAddressView), nextCursor: null };
  }
}
