import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { AddressFields, withChanges } from '../../domain/address';
import { AddressRepository } from '../../infrastructure/address.repository';
import { AddressView, toAddressView } from '../views';

/** Which address of whose book, and the fields that change (undefined ones stay). */
export interface UpdateAddressInput {
  readonly userId: string;
  readonly addressId: string;
  readonly changes: Partial<AddressFields>;
}

/** Edits one of the caller's addresses; someone else's address is a 404. */
@Injectable()
export class UpdateAddressUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly addresses: AddressRepository,
  ) {}

  execute(input: UpdateAddressInput): Promise<AddressView> {
    return this.uow.run(async (tx) => {
      const address = await this.addresses.findOf(tx, input.userId, input.addressId);
      if (!address) throw ProblemException.notFound('Address');
      const changed = withChanges(address, input.changes);
      await this.addresses.save(tx, changed);
      return toAddressView(changed);
    });
  }
}
