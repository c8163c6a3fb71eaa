import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { Transaction, UnitOfWork } from '../../../../platform/messaging';
import { FraudModelJson } from '../../domain/fraud/fraud-model';
import {
  FraudModelAuditEntry,
  FraudModelRepository,
  FraudModelStatus,
  FraudModelVersion,
} from '../../infrastructure/fraud-model.repository';
import { ActiveFraudModels } from '../assess-fraud/active-fraud-models';

/** What the live models are after a change. */
export interface LiveVersions {
  readonly active: number | null;
  readonly shadow: number | null;
}

/**
 * The life of stored fraud models, each change in one transaction with its audit entry:
 * - `register`: a trained model is stored as a `shadow` (scored and logged beside the active one,
 *   never acting; it replaces an earlier shadow, which goes back to `candidate`) or a `candidate`;
 * - `shadow`: a stored version starts running in shadow;
 * - `promote`: a version becomes the one that acts; the one it replaces is `retired`;
 * - `rollback`: the active version is retired and the one active before it acts again; with none
 *   before it, no model acts and the rules decide (as before the first model).
 * `actor` is `admin:<user id>` (route) or `cli:<os user>` (npm run fraud:models).
 */
@Injectable()
export class FraudModelLifecycle {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly models: FraudModelRepository,
    private readonly live: ActiveFraudModels,
  ) {}

  async register(
    entry: { model: FraudModelJson; metrics: object; source: string },
    as: 'shadow' | 'candidate',
    actor: string,
  ): Promise<number> {
    const version = await this.uow.run(async (tx) => {
      await this.models.lockLifecycle(tx);
      const previousShadow = as === 'shadow' ? await this.models.lockHolder(tx, 'shadow') : null;
      if (previousShadow !== null) await this.models.setStatus(tx, previousShadow, 'candidate');
      const created = await this.models.insert(tx, { ...entry, status: as, createdBy: actor });
      await this.models.audit(tx, { action: 'train', version: created, previousVersion: previousShadow, actor });
      return created;
    });
    this.live.invalidate();
    return version;
  }

  shadow(version: number, actor: string): Promise<LiveVersions> {
    return this.change(async (tx) => {
      const target = await this.existing(tx, version);
      if (target.status === 'active') throw conflict('The active model cannot also run in shadow.');
      const previous = await this.models.lockHolder(tx, 'shadow');
      if (previous !== null && previous !== version) await this.models.setStatus(tx, previous, 'candidate');
      await this.models.setStatus(tx, version, 'shadow');
      await this.models.audit(tx, { action: 'shadow', version, previousVersion: previous, actor });
    });
  }

  promote(version: number, actor: string): Promise<LiveVersions> {
    return this.change(async (tx) => {
      await this.existing(tx, version);
      const previous = await this.models.lockHolder(tx, 'active');
      if (previous === version) return;
      if (previous !== null) await this.models.setStatus(tx, previous, 'retired');
      await this.models.setStatus(tx, version, 'active');
      await this.models.audit(tx, { action: 'promote', version, previousVersion: previous, actor });
    });
  }

  rollback(actor: string): Promise<LiveVersions> {
    return this.change(async (tx) => {
      const current = await this.models.lockHolder(tx, 'active');
      if (current === null) throw conflict('No model is active: there is nothing to roll back.');
      const restored = await this.models.previousActive(tx, current);
      await this.models.setStatus(tx, current, 'retired');
      if (restored !== null) await this.models.setStatus(tx, restored, 'active');
      await this.models.audit(tx, { action: 'rollback', version: restored, previousVersion: current, actor });
    });
  }

  list(): Promise<FraudModelVersion[]> {
    return this.models.list();
  }

  audit(): Promise<FraudModelAuditEntry[]> {
    return this.models.auditLog();
  }

  private async change(work: (tx: Transaction) => Promise<void>): Promise<LiveVersions> {
    await this.uow.run(async (tx) => {
      await this.models.lockLifecycle(tx);
      await work(tx);
    });
    this.live.invalidate();
    return this.models.live();
  }

  private async existing(tx: Transaction, version: number): Promise<FraudModelVersion> {
    const found = await this.models.lock(tx, version);
    if (!found) throw new ProblemException({ status: 404, type: 'not-found', detail: `No fraud model ${version}.` });
    return found;
  }
}

function conflict(detail: string): ProblemException {
  return new ProblemException({ status: 409, type: 'fraud-model-conflict', detail });
}

export type { FraudModelStatus };
