import { Injectable } from '@nestjs/common';
import { DescriptionDraft } from '../../domain/description-draft';
import { DraftDecisionInput, DraftDecisions } from './decide-description-draft';

export type DiscardDescriptionDraftInput = DraftDecisionInput;

/** A person discards a draft: nothing else changes. */
@Injectable()
export class DiscardDescriptionDraftUseCase {
  constructor(private readonly decisions: DraftDecisions) {}

  execute(input: DiscardDescriptionDraftInput): Promise<DescriptionDraft> {
    return this.decisions.decide(input, 'discarded');
  }
}
