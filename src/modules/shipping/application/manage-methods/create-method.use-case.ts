import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PriceRule } from '../../domain/price-rule';
import { assertNoFieldErrors } from '../../domain/shipping-domain-error';
import { DeliveryEstimate, ShippingMethod, validateShippingMethod } from '../../domain/shipping-method';
import { ShippingMethodRepository } from '../../infrastructure/shipping-method.repository';
import { ZoneRepository } from '../../infrastructure/zone.repository';
import { answeringProblems } from '../shipping-problems';

export interface CreateMethodInput {
  readonly zoneId: string;
  readonly name: string;
  /** Default true. */
  readonly enabled?: boolean;
  readonly priceRules: readonly PriceRule[];
  readonly estimate: DeliveryEstimate;
}

/**
 * `POST /shipping/methods`: a method in an existing zone, checked by the method and price-rule rules
 * (one rule per currency, bands lightest first, …): every problem is a 400 naming its field.
 */
@Injectable()
export class CreateMethodUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly zones: ZoneRepository,
    private readonly methods: ShippingMethodRepository,
  ) {}

  execute(input: CreateMethodInput): Promise<ShippingMethod> {
    return answeringProblems(() =>
      this.uow.run(async (tx) => {
        const method: ShippingMethod = {
          id: uuidv7(),
          zoneId: input.zoneId,
          name: input.name.trim(),
          enabled: input.enabled ?? true,
          priceRules: input.priceRules,
          estimate: input.estimate,
        };
        // Locked: the zone cannot be deleted under the new method.
        const zone = await this.zones.lock(tx, input.zoneId);
        if (!zone) throw ProblemException.notFound('Zone');
        assertNoFieldErrors('shipping method', validateShippingMethod(method, new Set([zone.id])));
        await this.methods.save(tx, method);
        return method;
      }),
    );
  }
}
