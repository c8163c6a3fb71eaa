import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { ShippingMethodRepository } from '../../infrastructure/shipping-method.repository';

export interface DeleteMethodInput {
  readonly id: string;
}

/**
 * `DELETE /shipping/methods/:id`: the method is no longer offered; shipments keep its id and name.
 * (`PATCH … {enabled: false}` hides it without losing its rules.)
 */
@Injectable()
export class DeleteMethodUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly methods: ShippingMethodRepository,
  ) {}

  execute(input: DeleteMethodInput): Promise<void> {
    return this.uow.run(async (tx) => {
      if (!(await this.methods.delete(tx, input.id))) throw ProblemException.notFound('Shipping method');
    });
  }
}
