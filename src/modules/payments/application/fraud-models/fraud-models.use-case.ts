import { Injectable } from '@nestjs/common';
import { Page, ProblemException } from '../../../../platform/http';
import { FraudAssessmentRepository } from '../../infrastructure/fraud-assessment.repository';
import { AssessmentView, toAssessmentView } from '../reviews/review-view';
import { FraudModelLifecycle, LiveVersions } from './fraud-model-lifecycle';

/** A stored model version as admins see it. */
export interface FraudModelVersionView {
  readonly version: number;
  readonly status: string;
  readonly source: string;
  readonly metrics: Record<string, unknown>;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly activatedAt: string | null;
}

/** An audited model change as admins see it. */
export interface FraudModelAuditView {
  readonly action: string;
  readonly version: number | null;
  readonly previousVersion: number | null;
  readonly actor: string;
  readonly at: string;
}

/** The admin routes of fraud models and assessments. */
@Injectable()
export class FraudModelsUseCase {
  constructor(
    private readonly lifecycle: FraudModelLifecycle,
    private readonly assessments: FraudAssessmentRepository,
  ) {}

  async list(): Promise<Page<FraudModelVersionView>> {
    const items = (await this.lifecycle.list()).map((v) => ({
      ...v,
      createdAt: v.createdAt.toISOString(),
      activatedAt: v.activatedAt?.toISOString() ?? null,
    }));
    return { items, nextCursor: null };
  }

  async audit(): Promise<Page<FraudModelAuditView>> {
    const items = (await this.lifecycle.audit()).map((entry) => ({ ...entry, at: entry.at.toISOString() }));
    return { items, nextCursor: null };
  }

  promote(version: number, actor: string): Promise<LiveVersions> {
    return this.lifecycle.promote(version, actor);
  }

  shadow(version: number, actor: string): Promise<LiveVersions> {
    return this.lifecycle.shadow(version, actor);
  }

  rollback(actor: string): Promise<LiveVersions> {
    return this.lifecycle.rollback(actor);
  }

  async assessment(paymentId: string): Promise<AssessmentView> {
    const found = await this.assessments.find(paymentId);
    if (!found)
      throw new ProblemException({ status: 404, type: 'not-found', detail: 'No assessment for this payment.' });
    return toAssessmentView(found);
  }
}
