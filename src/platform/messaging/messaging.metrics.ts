import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '../observability/http-metrics';

export const messagingMetrics = {
  delivered: new Counter({
    name: 'arcade_outbox_delivered_total',
    help: 'Outbox messages delivered, by module',
    labelNames: ['module'] as const,
    registers: [metricsRegistry],
  }),
  retries: new Counter({
    name: 'arcade_outbox_retries_total',
    help: 'Failed outbox deliveries that will be retried, by module',
    labelNames: ['module'] as const,
    registers: [metricsRegistry],
  }),
  deadLetters: new Counter({
    name: 'arcade_outbox_dead_letters_total',
    help: 'Outbox messages parked as dead letters, by module',
    labelNames: ['module'] as const,
    registers: [metricsRegistry],
  }),
  duplicates: new Counter({
    name: 'arcade_inbox_duplicates_total',
    help: 'Redelivered events skipped by the inbox, by consuming module',
    labelNames: ['module'] as const,
    registers: [metricsRegistry],
  }),
  lag: new Histogram({
    name: 'arcade_outbox_delivery_lag_seconds',
    help: 'Time from an outbox row being written to its delivery, by module',
    labelNames: ['module'] as const,
    buckets: [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
    registers: [metricsRegistry],
  }),
};
