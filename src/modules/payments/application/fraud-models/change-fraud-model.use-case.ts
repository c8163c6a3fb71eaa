import { Injectable } from '@nestjs/common';
import { FraudModelLifecycle, LiveVersions } from './fraud-model-lifecycle';

/** What an admin does to the live models: promote or shadow a version, or roll back the active one. */
export type ChangeFraudModelInput =
  | { readonly action: 'promote' | 'shadow'; readonly version: number; readonly actor: string }
  | { readonly action: 'rollback'; readonly actor: string };

/** `POST /payments/fraud-models/:version/promote|shadow`, `POST /payments/fraud-models/rollback` (audited). */
@Injectable()
export class ChangeFraudModelUseCase {
  constructor(private readonly lifecycle: FraudModelLifecycle) {}

  execute(input: ChangeFraudModelInput): Promise<LiveVersions> {
    switch (input.action) {
      case 'promote':
        return this.lifecycle.promote(input.version, input.actor);
      case 'shadow':
        return this.lifecycle.shadow(input.version, input.actor);
      case 'rollback':
        return this.lifecycle.rollback(input.actor);
    }
  }
}
