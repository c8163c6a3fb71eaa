import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { Transaction, UnitOfWork } from '../../../../platform/messaging';
import { canDecide, DescriptionDraft } from '../../domain/description-draft';
import { DescriptionDraftRepository } from '../../infrastructure/description-draft.repository';
import { CatalogReadCache } from '../catalog-read-cache';

/** A decision on a draft, by a person. */
export interface DraftDecisionInput {
  readonly productId: string;
  readonly draftId: string;
  readonly adminId: string;
}

/**
 * Locks a proposed draft and records the decision, running `effect` in the same transaction (the
 * accept changes the product there). A draft already decided is a 409; another product's, a 404.
 */
@Injectable()
export class DraftDecisions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly drafts: DescriptionDraftRepository,
    private readonly readCache: CatalogReadCache,
  ) {}

  decide(
    input: DraftDecisionInput,
    status: 'accepted' | 'discarded',
    effect: (tx: Transaction, draft: DescriptionDraft) => Promise<void> = async () => undefined,
  ): Promise<DescriptionDraft> {
    return this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        const draft = await this.drafts.lock(tx, input.productId, input.draftId);
        if (!draft) throw ProblemException.notFound('Description draft');
        if (!canDecide(draft)) {
          throw ProblemException.conflict('draft-decided', `The draft was ${draft.status} already.`, {
            status: draft.status,
          });
        }
        await effect(tx, draft);
        return this.drafts.decide(tx, draft.id, status, input.adminId);
      }),
    );
  }
}
