import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { DescriptionDraft } from '../../domain/description-draft';
import { ProductRepository } from '../../infrastructure/product.repository';
import { productUpdated } from '../manage-products/product-events';
import { DraftDecisionInput, DraftDecisions } from './decide-description-draft';

export type AcceptDescriptionDraftInput = DraftDecisionInput;

/** A person accepts a draft: the product's description becomes its text (`ProductUpdated` is published). */
@Injectable()
export class AcceptDescriptionDraftUseCase {
  constructor(
    private readonly decisions: DraftDecisions,
    private readonly products: ProductRepository,
  ) {}

  execute(input: AcceptDescriptionDraftInput): Promise<DescriptionDraft> {
    return this.decisions.decide(input, 'accepted', async (tx, draft) => {
      const product = await this.products.lock(tx, draft.productId);
      if (!product) throw ProblemException.notFound('Product');
      const after = { ...product, description: draft.text };
      await this.products.update(tx, after);
      tx.publish(productUpdated(after, await this.products.variants(tx, product.id), new Map()));
    });
  }
}
