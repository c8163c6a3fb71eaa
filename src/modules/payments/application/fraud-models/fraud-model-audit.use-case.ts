import { Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { FraudModelLifecycle } from './fraud-model-lifecycle';
import { FraudModelAuditView } from './fraud-model-views';

/** `GET /payments/fraud-models/audit`: model changes (trained, shadowed, promoted, rolled back), newest first. */
@Injectable()
export class FraudModelAuditUseCase {
  constructor(private readonly lifecycle: FraudModelLifecycle) {}

  async execute(): Promise<Page<FraudModelAuditView>> {
    const items = (await this.lifecycle.audit()).map((entry) => ({ ...entry, at: entry.at.toISOString() }));
    return { items, nextCursor: null };
  }
}
