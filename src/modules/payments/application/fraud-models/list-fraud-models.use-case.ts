import { Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { FraudModelLifecycle } from './fraud-model-lifecycle';
import { FraudModelVersionView } from './fraud-model-views';

/** `GET /payments/fraud-models`: every stored version with its hold-out figures, newest first. */
@Injectable()
export class ListFraudModelsUseCase {
  constructor(private readonly lifecycle: FraudModelLifecycle) {}

  async execute(): Promise<Page<FraudModelVersionView>> {
    const items = (await this.lifecycle.list()).map((v) => ({
      ...v,
      createdAt: v.createdAt.toISOString(),
      activatedAt: v.activatedAt?.toISOString() ?? null,
    }));
    return { items, nextCursor: null };
  }
}
