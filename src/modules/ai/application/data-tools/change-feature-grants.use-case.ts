import { Injectable } from '@nestjs/common';
import { FieldError, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { AiDomainError } from '../../domain/ai-domain-error';
import { initialGrants, nextGrants, ToolLimits } from '../../domain/data-tools/feature-grants';
import { FeatureGrantRepository } from '../../infrastructure/feature-grant.repository';
import { FeatureGrantsView } from './data-tool-grant-views';
import { FeatureGrantsReader } from './feature-grants-reader';

/** An admin's change to a feature's grants. */
export interface ChangeFeatureGrantsInput {
  readonly feature: string;
  readonly grant?: readonly string[];
  readonly revoke?: readonly string[];
  readonly limits?: Partial<ToolLimits>;
  /** Why (kept with the version). */
  readonly reason: string;
  readonly adminId: string;
}

/**
 * Grants and revokes a feature's scopes (and sets its tool limits) as a new immutable version, with
 * who, when and why. Changes to one feature are serialised; a change that changes nothing makes no
 * version. The next tool call reads the new grants (nothing is cached).
 */
@Injectable()
export class ChangeFeatureGrantsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly grants: FeatureGrantRepository,
    private readonly reader: FeatureGrantsReader,
  ) {}

  async execute(input: ChangeFeatureGrantsInput): Promise<FeatureGrantsView> {
    const declaration = this.reader.declarationOf(input.feature);
    await this.uow.run(async (tx) => {
      await this.grants.lockFeature(tx, input.feature);
      const current = (await this.grants.current(input.feature, tx)) ?? initialGrants(input.feature);
      let next: ReturnType<typeof nextGrants>;
      try {
        next = nextGrants(declaration, current, input);
      } catch (error) {
        throw problemOf(error);
      }
      if (!next) return;
      await this.grants.append(tx, {
        feature: input.feature,
        version: current.version + 1,
        ...next,
        changedBy: input.adminId,
        reason: input.reason,
      });
    });
    return this.reader.one(input.feature);
  }
}

function problemOf(error: unknown): unknown {
  if (!(error instanceof AiDomainError)) return error;
  if (error.code === 'limit-out-of-bounds') {
    return ProblemException.validation(
      Object.keys(error.details).map((field) => new FieldError(`limits.${field}`, error.message)),
      error.message,
    );
  }
  return new ProblemException({
    status: 422,
    type: error.code,
    title: 'The grants cannot change so',
    detail: error.message,
    extensions: { ...error.details },
  });
}
