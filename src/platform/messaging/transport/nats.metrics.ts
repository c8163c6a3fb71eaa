import { Counter } from 'prom-client';
import { metricsRegistry } from '../../observability/http-metrics';

export const brokerMetrics = {
  redeliveries: new Counter({
    name: 'arcade_broker_redeliveries_total',
    help: 'Events a consuming module failed to handle and asked the broker to redeliver, by module',
    labelNames: ['module'] as const,
    registers: [metricsRegistry],
  }),
  deadLetters: new Counter({
    name: 'arcade_broker_dead_letters_total',
    help: 'Events parked in the dead-letter stream after too many failed deliveries, by consuming module',
    labelNames: ['module'] as const,
    registers: [metricsRegistry],
  }),
};
