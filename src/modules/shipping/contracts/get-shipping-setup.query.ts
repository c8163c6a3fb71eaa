import { Query, QueryContract } from '../../../platform/messaging/contracts';

/** Whether the shop ships at all yet. */
export interface ShippingSetup {
  /** True when at least one shipping method is enabled (in any zone). */
  readonly methodsEnabled: boolean;
  /**
   * True once at least one shipping method exists in any zone, enabled or disabled: disabling every
   * method stops selling physical goods, it never makes them ship for free. Optional (added after
   * `methodsEnabled` was published): a reply without it means `methodsEnabled`.
   */
  readonly methodsConfigured?: boolean;
}

/**
 * Whether shipping is set up (any method exists). Checkout asks it when a cart has no chosen method: a
 * shop that has set shipping up requires a method; one that has not (no method anywhere) sells
 * without shipping.
 */
@QueryContract('shipping.GetShippingSetup', () => new GetShippingSetup())
export class GetShippingSetup extends Query<ShippingSetup> {}
