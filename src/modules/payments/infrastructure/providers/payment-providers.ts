import { Injectable } from '@nestjs/common';
import { PaymentProvider } from './payment-provider';
import { SandboxProvider } from './sandbox/sandbox.provider';
import { StripeProvider } from './stripe/stripe.provider';

/** The providers this process can use, chosen by name per payment (`sandbox` always; `stripe` when configured). */
@Injectable()
export class PaymentProviders {
  private readonly byName = new Map<string, PaymentProvider>();

  constructor(sandbox: SandboxProvider, stripe: StripeProvider) {
    this.byName.set(sandbox.name, sandbox);
    if (stripe.configured) this.byName.set(stripe.name, stripe);
  }

  get(name: string): PaymentProvider | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
