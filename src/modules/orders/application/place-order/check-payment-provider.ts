import { ProblemException } from '../../../../platform/http';
import { MessageBus, ModuleUnreachableError } from '../../../../platform/messaging';
import { GetPaymentProviders } from '../../../payments';

/**
 * Payments is asked (it may run in another process): an order for a provider it does not have is
 * refused now (400 `payment-provider-unavailable`). If payments cannot be reached, the order is
 * taken as before: the saga waits for payments and cancels the order at its step deadline, so a
 * brief outage does not stop checkout.
 */
export async function checkPaymentProvider(bus: MessageBus, provider: string): Promise<void> {
  let providers: readonly string[];
  try {
    ({ providers } = await bus.query(new GetPaymentProviders()));
  } catch (error) {
    if (error instanceof ModuleUnreachableError) return;
    throw error;
  }
  if (providers.includes(provider)) return;
  throw new ProblemException({
    status: 400,
    type: 'payment-provider-unavailable',
    detail: `The payment provider "${provider}" is not available here.`,
    extensions: { available: providers },
  });
}
