import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { AddressRepository } from '../../infrastructure/address.repository';

/** Which address of whose book. */
export interface RemoveAddressInput {
  readonly userId: string;
  readonly addressId: string;
}

/** Deletes one of the caller's addresses; someone else's address is a 404. */
@Injectable()
export class RemoveAddressUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly addresses: AddressRepository,
  ) {}

  async execute(input: RemoveAddressInput): Promise<void> {
    await this.uow.run(async (tx) => {
      if (!(await this.addresses.removeOf(tx, input.userId, input.addressId))) {
        throw ProblemException.notFound('Address');
      }
    });
  }
}
