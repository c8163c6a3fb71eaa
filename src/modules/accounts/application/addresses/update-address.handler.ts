import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { AddressOrmEntity } from '../../infrastructure/address.orm-entity';
import { AddressView, toAddressView } from '../views';
import { AddressInput } from './address-input';

/** Edits one of the caller's addresses; someone else's address is a 404. */
@Injectable()
export class UpdateAddressHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(userId: string, addressId: string, changes: Partial<AddressInput>): Promise<AddressView> {
    return this.uow.run(async (tx) => {
      const address = await tx.manager.findOneBy(AddressOrmEntity, { id: addressId, userId });
      if (!address) throw ProblemException.notFound('Address');
      // Only the fields sent change (a DTO instance carries the others as undefined).
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined)
          Object.assign(address, { [key]: key === 'country' ? String(value).toUpperCase() : value });
      }
      await tx.manager.save(AddressOrmEntity, address);
      return toAddressView(address);
    });
  }
}
