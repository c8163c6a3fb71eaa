import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { SHIPPING_CONFIG, ShippingConfig } from '../../shipping.config';
import { Carriers } from '../carriers/carriers';

/** Sends again what carriers still owe Arcade (the sandbox's undelivered webhooks), every sweep interval. */
@Injectable()
export class CarrierDeliverySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly carriers: Carriers,
    @Inject(SHIPPING_CONFIG) private readonly config: ShippingConfig,
  ) {
    this.task = new PeriodicTask('CarrierDeliverySweeper', config.sandbox.sweepIntervalMs, async () => {
      for (const carrier of this.carriers.all()) await carrier.deliverPending?.();
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.sandbox.webhookDelivery) this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
