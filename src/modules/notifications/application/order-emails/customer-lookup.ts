import { Injectable } from '@nestjs/common';
import { MessageBus } from '../../../../platform/messaging';
import { GetUserSummary, UserSummary } from '../../../accounts';

/** Who to write to about an order: asked of accounts, wherever it runs. */
@Injectable()
export class CustomerLookup {
  constructor(private readonly bus: MessageBus) {}

  /** Throws when the customer is unknown, so the event is retried and ends as a dead letter. */
  async find(customerId: string): Promise<UserSummary> {
    const summary = await this.bus.query(new GetUserSummary(customerId));
    if (!summary) throw new Error(`customer ${customerId} is unknown to accounts; cannot address the email`);
    return summary;
  }
}

/** A short, human-friendly order reference (the end of its UUID). */
export function orderRef(orderId: string): string {
  return `#${orderId.replace(/-/g, '').slice(-8).toUpperCase()}`;
}
