import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, FieldError, Page, PageQueryDto, ProblemException } from '../../../platform/http';
import { answeringProblems } from '../application/ai-problems';
import { PromptVault } from '../application/prompts/prompt-vault';
import { PromptViews } from '../application/prompts/prompt-views';
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
    private readonly vault: PromptVault,
    private readonly views: PromptViews,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prompts by name, with their labels and latest version' })
  @ApiOkResponse({ type: PromptSummaryPage })
  list(@Query() query: PageQueryDto): Promise<Page<PromptSummary>> {
    return this.views.list(query.limit, query.cursor);
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
    return answeringProblems(() =>
      this.vault.createVersion({
        name: body.name,
        description: body.description,
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
          ...(body.settings.temperature !== undefined ? { temperature: body.settings.temperature } : {}),
          ...(body.settings.topP !== undefined ? { topP: body.settings.topP } : {}),
        },
        commitMessage: body.commitMessage,
        labels: body.labels,
        actor: { id: user.id, roles: user.roles },
      }),
    );
  }

  @Get(':name')
  @ApiOkResponse({ type: PromptSummaryResponse })
  view(@Param('name') name: string): Promise<PromptSummary> {
    return this.views.prompt(name);
  }

  @Get(':name/versions')
  @ApiOperation({ summary: 'Versions, newest first' })
  @ApiOkResponse({ type: PromptVersionPage })
  versions(@Param('name') name: string, @Query() query: PageQueryDto): Promise<Page<PromptVersion>> {
    return this.views.versions(name, query.limit, query.cursor);
  }

  @Get(':name/versions/:version')
  @ApiOkResponse({ type: PromptVersionResponse })
  version(@Param('name') name: string, @Param('version') version: string): Promise<PromptVersion> {
    return this.views.version(name, versionNumber(version));
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
    return answeringProblems(() =>
      this.vault.moveLabel(name, label, to, { id: user.id, roles: user.roles }, body.reason),
    );
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
    return answeringProblems(() => this.vault.moveLabel(name, label, null, { id: user.id, roles: user.roles }));
  }

  @Get(':name/label-moves')
  @ApiOperation({ summary: 'Every label move of the prompt, newest first (who, when, from, to)' })
  @ApiOkResponse({ type: LabelMovePage })
  moves(@Param('name') name: string, @Query() query: PageQueryDto): Promise<Page<StoredLabelMove>> {
    return this.views.moves(name, query.limit, query.cursor);
  }
}

function versionNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) {
    throw ProblemException.validation([new FieldError('version', 'version must be a positive integer')]);
  }
  return Number(text);
}
