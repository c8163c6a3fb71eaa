import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { AddressOrmEntity } from '../../infrastructure/address.orm-entity';
import { AddressView, toAddressView } from '../views';
import { AddressInput } from './address-input';

export const MAX_ADDRESSES = 50;

@Injectable()
export class AddAddressHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(userId: string, input: AddressInput): Promise<AddressView> {
    return this.uow.run(async (tx) => {
      if ((await tx.manager.countBy(AddressOrmEntity, { userId })) >= MAX_ADDRESSES) {
        throw ProblemException.conflict('too-many-addresses', `An address book holds at most ${MAX_ADDRESSES}.`);
      }
      const address = Object.assign(new AddressOrmEntity(), {
        id: uuidv7(),
        userId,
        name: input.name,
        line1: input.line1,
        line2: input.line2 ?? null,
        city: input.city,
        postalCode: input.postalCode,
        country: input.country.toUpperCase(),
        createdAt: new Date(),
      });
      await tx.manager.insert(AddressOrmEntity, address);
      return toAddressView(address);
    });
  }
}
