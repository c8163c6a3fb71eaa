import { Env, readInt } from '../../platform/config';

/** Orders' settings (docs/modules/orders.md). */
export interface OrdersConfig {
  /** How long the saga waits for a reply (stock, payment) before cancelling the order. */
  readonly stepTimeoutSeconds: number;
  readonly deadlineSweepIntervalMs: number;
  /** How long a cancellation waits for shipping's answer before the sweeper asks again (ADR 0113). */
  readonly cancellationRetrySeconds: number;
}

/** Injection token of the OrdersConfig. */
export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');

/** Reads orders' settings; a bad value throws a ConfigError naming the variable. */
export function loadOrdersConfig(env: Env): OrdersConfig {
  return {
    stepTimeoutSeconds: readInt(env, 'CHECKOUT_STEP_TIMEOUT_SECONDS', 120, 1, 86_400),
    deadlineSweepIntervalMs: readInt(env, 'CHECKOUT_SWEEP_INTERVAL_MS', 1000, 10, 600_000),
    cancellationRetrySeconds: readInt(env, 'ORDER_CANCELLATION_RETRY_SECONDS', 30, 1, 86_400),
  };
}
