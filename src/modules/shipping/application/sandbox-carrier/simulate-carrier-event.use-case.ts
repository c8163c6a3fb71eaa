import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { CarrierStatus } from '../../domain/tracking-events';
import { CarrierWebhookEvent } from '../carriers/carrier-provider';
import { Carriers } from '../carriers/carriers';

export interface SimulateCarrierEventInput {
  readonly trackingNumber: string;
  readonly status: CarrierStatus;
  readonly description?: string;
}

/**
 * `POST /shipping/sandbox/parcels/:trackingNumber/events` (admin, sandbox only): the sandbox carrier
 * reports a scan of one of its parcels; its signed webhook reaches `/shipping/webhooks/sandbox` like a
 * real carrier's would. 404 when the sandbox is off or the parcel is not its.
 */
@Injectable()
export class SimulateCarrierEventUseCase {
  constructor(private readonly carriers: Carriers) {}

  async execute(input: SimulateCarrierEventInput): Promise<CarrierWebhookEvent> {
    const sandbox = this.carriers.get('sandbox');
    const event = await sandbox?.simulate?.(input.trackingNumber, input.status, input.description);
    if (!event) throw ProblemException.notFound('Sandbox parcel');
    return event;
  }
}
