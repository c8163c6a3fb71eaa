import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { AddressOrmEntity } from '../../infrastructure/address.orm-entity';

/** Deletes one of the caller's addresses; someone else's address is a 404. */
@Injectable()
export class RemoveAddressHandler {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(userId: string, addressId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const result = await tx.manager.delete(AddressOrmEntity, { id: addressId, userId });
      if (!result.affected) throw ProblemException.notFound('Address');
    });
  }
}
