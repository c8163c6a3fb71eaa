import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, FieldError, Page, PageQueryDto, ProblemException } from '../../../platform/http';
import { CreatePromptVersionUseCase } from '../application/prompts/create-prompt-version.use-case';
import { ListLabelMovesUseCase } from '../application/prompts/list-label-moves.use-case';
import { ListPromptVersionsUseCase } from '../application/prompts/list-prompt-versions.use-case';
import { ListPromptsUseCase } from '../application/prompts/list-prompts.use-case';
import { MoveLabelUseCase } from '../application/prompts/move-label.use-case';
import { ViewPromptVersionUseCase } from '../application/prompts/view-prompt-version.use-case';
import { ViewPromptUseCase } from '../application/prompts/view-prompt.use-case';
import { LabelMove, PromptLabels } from '../domain/prompt-labels';
import { PromptVersion } from '../domain/prompt-version';
import { PromptSummary, StoredLabelMove } from '../application/prompts/prompt-records';
import { CreatePromptVersionDto, MoveLabelDto } from './prompt.dto';
import {
  CreatedVersionResponse,
  LabelMovePage,
  LabelsResponse,
  PromptSummaryPage,
  PromptSummaryResponse,
  PromptVersionPage,
  PromptVersionResponse,
} from './prompt.response';

/** Admin: the prompt vault — versions, labels (deploy, roll back, A/B split) and their history. */
@ApiTags('ai')
@Controller('ai/prompts')
@Roles('admin')
export class PromptsController {
  constructor(
    private readonly listPrompts: ListPromptsUseCase,
    private readonly createVersion: CreatePromptVersionUseCase,
    private readonly viewPrompt: ViewPromptUseCase,
    private readonly listVersions: ListPromptVersionsUseCase,
    private readonly viewVersion: ViewPromptVersionUseCase,
    private readonly moveLabel: MoveLabelUseCase,
    private readonly listMoves: ListLabelMovesUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prompts by name, with their labels and latest version' })
  @ApiOkResponse({ type: PromptSummaryPage })
  list(@Query() query: PageQueryDto): Promise<Page<PromptSummary>> {
    return this.listPrompts.execute({ limit: query.limit, cursor: query.cursor });
  }

  @Post()
  @ApiOperation({
    summary: 'Save a new immutable version (creates the prompt with its first)',
    description: 'Variables are checked: an undeclared or unused one is a 400. `labels` are moved to the new version.',
  })
  @ApiCreatedResponse({ type: CreatedVersionResponse })
  @ApiProblem(403, 'protected-label', 'Only an admin may move a protected label')
  create(
    @Body() body: CreatePromptVersionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ version: PromptVersion; moves: LabelMove[] }> {
    return this.createVersion.execute({
      name: body.name,
      description: body.description ?? undefined,
      template:
        body.template.type === 'text'
          ? { type: 'text', text: body.template.text ?? '' }
          : {
              type: 'chat',
              messages: (body.template.messages ?? []).map((m) => ({ role: m.role, content: m.content })),
            },
      variables: body.variables,
      settings: {
        provider: body.settings.provider,
        model: body.settings.model,
        maxOutputTokens: body.settings.maxOutputTokens,
        ...(body.settings.temperature != null ? { temperature: body.settings.temperature } : {}),
        ...(body.settings.topP != null ? { topP: body.settings.topP } : {}),
      },
      commitMessage: body.commitMessage,
      labels: body.labels ?? undefined,
      actor: { id: user.id, roles: user.roles },
    });
  }

  @Get(':name')
  @ApiOkResponse({ type: PromptSummaryResponse })
  view(@Param('name') name: string): Promise<PromptSummary> {
    return this.viewPrompt.execute({ name });
  }

  @Get(':name/versions')
  @ApiOperation({ summary: 'Versions, newest first' })
  @ApiOkResponse({ type: PromptVersionPage })
  versions(@Param('name') name: string, @Query() query: PageQueryDto): Promise<Page<PromptVersion>> {
    return this.listVersions.execute({ name, limit: query.limit, cursor: query.cursor });
  }

  @Get(':name/versions/:version')
  @ApiOkResponse({ type: PromptVersionResponse })
  version(@Param('name') name: string, @Param('version') version: string): Promise<PromptVersion> {
    return this.viewVersion.execute({ name, version: versionNumber(version) });
  }

  @Put(':name/labels/:label')
  @ApiOperation({
    summary: 'Point a label at a version: deploy, roll back, or split traffic (sticky by user) with a second one',
    description: 'Every effective move is recorded with who and when; `production` is protected (admin only).',
  })
  @ApiOkResponse({ type: LabelsResponse })
  @ApiProblem(403, 'protected-label', 'Only an admin may move a protected label')
  move(
    @Param('name') name: string,
    @Param('label') label: string,
    @Body() body: MoveLabelDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ labels: PromptLabels; move: LabelMove | null }> {
    const to = body.split ? { version: body.version, split: { ...body.split } } : { version: body.version };
    return this.moveLabel.execute({
      name,
      label,
      to,
      actor: { id: user.id, roles: user.roles },
      reason: body.reason ?? undefined,
    });
  }

  @Delete(':name/labels/:label')
  @ApiOperation({ summary: 'Remove a label (recorded like a move)' })
  @ApiOkResponse({ type: LabelsResponse })
  @ApiProblem(403, 'protected-label', 'Only an admin may move a protected label')
  remove(
    @Param('name') name: string,
    @Param('label') label: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ labels: PromptLabels; move: LabelMove | null }> {
    return this.moveLabel.execute({ name, label, to: null, actor: { id: user.id, roles: user.roles } });
  }

  @Get(':name/label-moves')
  @ApiOperation({ summary: 'Every label move of the prompt, newest first (who, when, from, to)' })
  @ApiOkResponse({ type: LabelMovePage })
  moves(@Param('name') name: string, @Query() query: PageQueryDto): Promise<Page<StoredLabelMove>> {
    return this.listMoves.execute({ name, limit: query.limit, cursor: query.cursor });
  }
}

function versionNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) {
    throw ProblemException.validation([new FieldError('version', 'version must be a positive integer')]);
  }
  return Number(text);
}
