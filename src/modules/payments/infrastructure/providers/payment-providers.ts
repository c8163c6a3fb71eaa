import { Inject, Injectable } from '@nestjs/common';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../payments.config';
import { PaymentProvider } from './payment-provider';
import { SandboxProvider } from './sandbox/sandbox.provider';
import { StripeProvider } from './stripe/stripe.provider';

/**
 * The providers this process can use, chosen by name per payment: `sandbox` unless it is disabled
 * (the default in production, see PAYMENTS_SANDBOX), `stripe` when its keys are configured.
 */
@Injectable()
export class PaymentProviders {
  private readonly byName = new Map<string, PaymentProvider>();

  constructor(sandbox: SandboxProvider, stripe: StripeProvider, @Inject(PAYMENTS_CONFIG) config: PaymentsConfig) {
    if (config.sandbox.enabled) this.byName.set(sandbox.name, sandbox);
    if (stripe.configured) this.byName.set(stripe.name, stripe);
  }

  get(name: string): PaymentProvider | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
