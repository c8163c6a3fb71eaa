import { Inject, Injectable } from '@nestjs/common';
import { CARRIER_PROVIDERS, CarrierProvider } from './carrier-provider';

/** The carrier providers of this process, by name (the sandbox only when it is enabled). */
@Injectable()
export class Carriers {
  private readonly byName: ReadonlyMap<string, CarrierProvider>;

  constructor(@Inject(CARRIER_PROVIDERS) providers: readonly CarrierProvider[]) {
    this.byName = new Map(providers.map((p) => [p.name, p]));
  }

  get(name: string): CarrierProvider | undefined {
    return this.byName.get(name);
  }

  all(): CarrierProvider[] {
    return [...this.byName.values()];
  }
}
