import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { ShippingMethod } from '../../domain/shipping-method';
import { ShippingMethodRepository } from '../../infrastructure/shipping-method.repository';

export interface ViewMethodInput {
  readonly id: string;
}

/** `GET /shipping/methods/:id`. */
@Injectable()
export class ViewMethodUseCase {
  constructor(private readonly methods: ShippingMethodRepository) {}

  async execute(input: ViewMethodInput): Promise<ShippingMethod> {
    const method = await this.methods.find(input.id);
    if (!method) throw ProblemException.notFound('Shipping method');
    return method;
  }
}
