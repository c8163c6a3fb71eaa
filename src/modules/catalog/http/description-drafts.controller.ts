import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, IdParam } from '../../../platform/http';
import { AcceptDescriptionDraftUseCase } from '../application/description-drafts/accept-description-draft.use-case';
import { DiscardDescriptionDraftUseCase } from '../application/description-drafts/discard-description-draft.use-case';
import { ListDescriptionDraftsUseCase } from '../application/description-drafts/list-description-drafts.use-case';
import { RequestDescriptionDraftUseCase } from '../application/description-drafts/request-description-draft.use-case';
import { DescriptionDraft } from '../domain/description-draft';
import { DescriptionDraftListResponse, DescriptionDraftResponse } from './description-drafts.response';

/** AI-written description drafts of a product: proposed by the model, accepted or discarded by a person (admins). */
@ApiTags('catalog')
@Roles('admin')
@Controller('catalog/products/:id/description-drafts')
export class DescriptionDraftsController {
  constructor(
    private readonly requestDraft: RequestDescriptionDraftUseCase,
    private readonly listDrafts: ListDescriptionDraftsUseCase,
    private readonly acceptDraft: AcceptDescriptionDraftUseCase,
    private readonly discardDraft: DiscardDescriptionDraftUseCase,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Draft a description with AI',
    description:
      'The model reads the product through the catalog_product_facts tool and writes a draft; the product ' +
      'is not changed until a person accepts the draft.',
  })
  @ApiCreatedResponse({ type: DescriptionDraftResponse })
  @ApiProblem(404, 'not-found', 'No such product')
  @ApiProblem(503, 'ai-disabled', 'No model provider is configured')
  @ApiProblem(429, 'ai-budget-exhausted', "The feature's or the global AI budget is spent for this period")
  @ApiProblem(502, 'ai-empty-draft', 'The model answered without a description')
  request(@IdParam() id: string, @CurrentUser() admin: AuthenticatedUser): Promise<DescriptionDraft> {
    return this.requestDraft.execute({ productId: id, adminId: admin.id });
  }

  @Get()
  @ApiOkResponse({ type: DescriptionDraftListResponse, description: 'Newest first (the latest 50)' })
  list(@IdParam() id: string): Promise<{ items: DescriptionDraft[] }> {
    return this.listDrafts.execute({ productId: id });
  }

  @Post(':draftId/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: DescriptionDraftResponse, description: "Accepted: the product's description is its text" })
  @ApiProblem(404, 'not-found', 'No such draft of this product')
  @ApiProblem(409, 'draft-decided', 'The draft was accepted or discarded already')
  accept(
    @IdParam() id: string,
    @IdParam('draftId') draftId: string,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<DescriptionDraft> {
    return this.acceptDraft.execute({ productId: id, draftId, adminId: admin.id });
  }

  @Post(':draftId/discard')
  @HttpCode(200)
  @ApiOkResponse({ type: DescriptionDraftResponse, description: 'Discarded: nothing else changes' })
  @ApiProblem(404, 'not-found', 'No such draft of this product')
  @ApiProblem(409, 'draft-decided', 'The draft was accepted or discarded already')
  discard(
    @IdParam() id: string,
    @IdParam('draftId') draftId: string,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<DescriptionDraft> {
    return this.discardDraft.execute({ productId: id, draftId, adminId: admin.id });
  }
}
