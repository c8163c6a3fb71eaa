import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetShippingSetup, ShippingSetup } from '../../contracts';
import { ShippingMethodRepository } from '../../infrastructure/shipping-method.repository';

/** `shipping.GetShippingSetup`: whether any method exists (enabled or not). */
@QueryHandler(GetShippingSetup)
export class GetShippingSetupHandler implements IQueryHandler<GetShippingSetup> {
  constructor(private readonly methods: ShippingMethodRepository) {}

  async execute(): Promise<ShippingSetup> {
    const { anyEnabled, anyExists } = await this.methods.setup();
    return { methodsEnabled: anyEnabled, methodsConfigured: anyExists };
  }
}
