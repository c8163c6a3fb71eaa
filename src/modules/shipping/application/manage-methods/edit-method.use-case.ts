import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PriceRule } from '../../domain/price-rule';
import { assertNoFieldErrors } from '../../domain/shipping-domain-error';
import { DeliveryEstimate, ShippingMethod, validateShippingMethod } from '../../domain/shipping-method';
import { ShippingMethodRepository } from '../../infrastructure/shipping-method.repository';
import { ZoneRepository } from '../../infrastructure/zone.repository';
import { answeringProblems } from '../shipping-problems';

export interface EditMethodInput {
  readonly id: string;
  readonly zoneId?: string;
  readonly name?: string;
  readonly enabled?: boolean;
  /** Replaces every rule of the method. */
  readonly priceRules?: readonly PriceRule[];
  readonly estimate?: DeliveryEstimate;
}

/**
 * `PATCH /shipping/methods/:id`: changes some fields; the result is checked whole. Quotes use it at
 * once; a customer who accepted the old price meets `shipping-price-changed` at checkout (stage 2).
 */
@Injectable()
export class EditMethodUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly zones: ZoneRepository,
    private readonly methods: ShippingMethodRepository,
  ) {}

  execute(input: EditMethodInput): Promise<ShippingMethod> {
    return answeringProblems(() =>
      this.uow.run(async (tx) => {
        const method = await this.methods.lock(tx, input.id);
        if (!method) throw ProblemException.notFound('Shipping method');
        const edited: ShippingMethod = {
          ...method,
          zoneId: input.zoneId ?? method.zoneId,
          name: input.name?.trim() ?? method.name,
          enabled: input.enabled ?? method.enabled,
          priceRules: input.priceRules ?? method.priceRules,
          estimate: input.estimate ?? method.estimate,
        };
        const zone = await this.zones.lock(tx, edited.zoneId);
        if (!zone) throw ProblemException.notFound('Zone');
        assertNoFieldErrors('shipping method', validateShippingMethod(edited, new Set([zone.id])));
        await this.methods.save(tx, edited);
        return edited;
      }),
    );
  }
}
