import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { CompleteChatWithDataTools } from '../../../ai';
import { ProblemException } from '../../../../platform/http';
import { MessageBus } from '../../../../platform/messaging';
import { DescriptionDraft, draftText } from '../../domain/description-draft';
import { DescriptionDraftRepository } from '../../infrastructure/description-draft.repository';
import { ProductRepository } from '../../infrastructure/product.repository';

/** The AI feature and prompt of description drafts (grants, budgets and prompt versions live in the ai module). */
export const DESCRIPTION_DRAFTS_FEATURE = 'catalog.description-drafts';
export const DESCRIPTION_PROMPT = 'catalog.product-description';
export const DESCRIPTION_PROMPT_LABEL = 'production';

/** Which product, asked by whom. */
export interface RequestDescriptionDraftInput {
  readonly productId: string;
  readonly adminId: string;
}

/**
 * Asks the AI module for a description of a product: the `catalog.product-description` prompt, with
 * the `catalog_product_facts` tool (the feature's `catalog:read` grant) to read the product's facts.
 * The answer is stored as a proposed draft; the product is not changed until an admin accepts it.
 * AI refusals pass through as problems (503 `ai-disabled`, 429 `ai-budget-exhausted`, …).
 */
@Injectable()
export class RequestDescriptionDraftUseCase {
  constructor(
    private readonly products: ProductRepository,
    private readonly drafts: DescriptionDraftRepository,
    private readonly bus: MessageBus,
  ) {}

  async execute({ productId, adminId }: RequestDescriptionDraftInput): Promise<DescriptionDraft> {
    const product = await this.products.detail(productId);
    if (!product || product.id !== productId) throw ProblemException.notFound('Product');
    const { completion } = await this.bus.execute(
      new CompleteChatWithDataTools(
        DESCRIPTION_DRAFTS_FEATURE,
        DESCRIPTION_PROMPT,
        DESCRIPTION_PROMPT_LABEL,
        { productId: product.id, title: product.title },
        { userId: adminId, callingModule: 'catalog' },
      ),
    );
    const text = draftText(completion.content);
    if (!text) {
      throw new ProblemException({
        status: 502,
        type: 'ai-empty-draft',
        title: 'The model wrote nothing',
        detail: 'The model answered without a description; try again.',
        extensions: { aiCallId: completion.callId },
      });
    }
    return this.drafts.insert({
      id: uuidv7(),
      productId: product.id,
      text,
      promptName: completion.prompt.name,
      promptVersion: completion.prompt.version,
      aiCallId: completion.callId,
      requestedBy: adminId,
    });
  }
}
