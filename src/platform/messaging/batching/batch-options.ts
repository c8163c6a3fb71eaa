import { AppConfig } from '../../config';
import { HandlerBatchesOptions } from './handler-batches';

/**
 * Batch size and concurrency from the settings (MESSAGE_BATCH_MAX, MESSAGE_BATCH_CONCURRENCY).
 * Each running batch holds one of its module's pooled connections: two are always left to the rest
 * of the module (HTTP requests, relays, handlers that are not batched).
 */
export function batchOptions(config: AppConfig): HandlerBatchesOptions {
  const { messaging, database } = config;
  return {
    maxSize: messaging.batchMaxSize,
    concurrency: Math.max(1, Math.min(messaging.batchConcurrency, database.poolSize - 2)),
  };
}
