import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { Address, AddressFields, MAX_ADDRESSES } from '../../domain/address';
import { AddressRepository } from '../../infrastructure/address.repository';
import { AddressView, toAddressView } from '../views';

/** A new address for the caller's book; `line2` may be left out. */
export interface AddAddressInput {
  readonly userId: string;
  readonly address: Omit<AddressFields, 'line2'> & { readonly line2?: string | null };
}

/** Adds an address to the caller's book (409 `too-many-addresses` when it is full). */
@Injectable()
export class AddAddressUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly addresses: AddressRepository,
  ) {}

  execute(input: AddAddressInput): Promise<AddressView> {
    const { userId, address: fields } = input;
    return this.uow.run(async (tx) => {
      if ((await this.addresses.countOf(tx, userId)) >= MAX_ADDRESSES) {
        throw ProblemException.conflict('too-many-addresses', `An address book holds at most ${MAX_ADDRESSES}.`);
      }
      const address: Address = {
        id: uuidv7(),
        userId,
        name: fields.name,
        line1: fields.line1,
        line2: fields.line2 ?? null,
        city: fields.city,
        postalCode: fields.postalCode,
        country: fields.country.toUpperCase(),
        createdAt: new Date(),
      };
      await this.addresses.add(tx, address);
      return toAddressView(address);
    });
  }
}
