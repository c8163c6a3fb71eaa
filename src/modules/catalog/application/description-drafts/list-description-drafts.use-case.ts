import { Injectable } from '@nestjs/common';
import { DescriptionDraft } from '../../domain/description-draft';
import { DescriptionDraftRepository } from '../../infrastructure/description-draft.repository';

/** Which product. */
export interface ListDescriptionDraftsInput {
  readonly productId: string;
}

/** A product's description drafts, newest first (the latest 50). */
@Injectable()
export class ListDescriptionDraftsUseCase {
  constructor(private readonly drafts: DescriptionDraftRepository) {}

  async execute({ productId }: ListDescriptionDraftsInput): Promise<{ items: DescriptionDraft[] }> {
    return { items: await this.drafts.ofProduct(productId, 50) };
  }
}
