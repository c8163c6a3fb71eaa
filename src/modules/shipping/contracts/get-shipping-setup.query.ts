import { Query, QueryContract } from '../../../platform/messaging/contracts';

/** Whether the shop ships at all yet. */
export interface ShippingSetup {
  /** True when at least one shipping method is enabled (in any zone). */
  readonly methodsEnabled: boolean;
}

/**
 * Whether any shipping method is enabled. Checkout asks it when a cart has no chosen method: a shop
 * that has set shipping up requires a method; one that has not (no enabled method anywhere) sells
 * without shipping.
 */
@QueryContract('shipping.GetShippingSetup', () => new GetShippingSetup())
export class GetShippingSetup extends Query<ShippingSetup> {}
