/** A money-moving call to a provider. */
export type ProviderOperation = 'authorize' | 'capture' | 'void' | 'refund';

/**
 * The idempotency key sent with every provider call: the payment and the operation (and, for
 * refunds, which refund), so that a retry after a timeout repeats the same request and never
 * moves money twice.
 */
export function providerIdempotencyKey(
  paymentId: string,
  operation: ProviderOperation,
  discriminator?: string,
): string {
  return discriminator ? `${paymentId}:${operation}:${discriminator}` : `${paymentId}:${operation}`;
}
