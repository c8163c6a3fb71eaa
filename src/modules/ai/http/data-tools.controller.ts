import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, Page, PageOf } from '../../../platform/http';
import { ChangeFeatureGrantsUseCase } from '../application/data-tools/change-feature-grants.use-case';
import { DataToolView, FeatureGrantsView } from '../application/data-tools/data-tool-grant-views';
import { ListDataToolsUseCase } from '../application/data-tools/list-data-tools.use-case';
import { ListFeatureGrantsUseCase } from '../application/data-tools/list-feature-grants.use-case';
import { ListToolCallsUseCase } from '../application/data-tools/list-tool-calls.use-case';
import { ViewFeatureGrantsUseCase } from '../application/data-tools/view-feature-grants.use-case';
import { ToolCallRecord } from '../domain/data-tools/tool-call-record';
import { ChangeFeatureGrantsDto, ListToolCallsQueryDto } from './data-tools.dto';
import {
  DataToolListResponse,
  FeatureGrantsListResponse,
  FeatureGrantsResponse,
  ToolCallRecordResponse,
} from './data-tools.response';

const TOOL_CALL_PAGE = PageOf(ToolCallRecordResponse);

/** The parameter manager: the data tools modules offer, each feature's grants, and the tool audit (admins). */
@ApiTags('ai')
@Roles('admin')
@Controller('ai')
export class DataToolsController {
  constructor(
    private readonly listTools: ListDataToolsUseCase,
    private readonly listGrants: ListFeatureGrantsUseCase,
    private readonly viewGrants: ViewFeatureGrantsUseCase,
    private readonly changeGrants: ChangeFeatureGrantsUseCase,
    private readonly listToolCalls: ListToolCallsUseCase,
  ) {}

  @Get('data-tools')
  @ApiOkResponse({ type: DataToolListResponse, description: 'Every data tool, by name' })
  tools(): { items: DataToolView[] } {
    return this.listTools.execute();
  }

  @Get('data-tool-grants')
  @ApiOkResponse({ type: FeatureGrantsListResponse, description: 'Every feature that declares data tools' })
  grants(): Promise<{ items: FeatureGrantsView[] }> {
    return this.listGrants.execute();
  }

  @Get('data-tool-grants/:feature')
  @ApiOkResponse({ type: FeatureGrantsResponse })
  @ApiProblem(404, 'not-found', 'No such feature, or it declares no data tools')
  grantsOf(@Param('feature') feature: string): Promise<FeatureGrantsView> {
    return this.viewGrants.execute({ feature });
  }

  @Patch('data-tool-grants/:feature')
  @ApiOperation({
    summary: "Grant or revoke a feature's scopes, or change its tool limits",
    description:
      'Each change is a new immutable version (who, when, why); a change that changes nothing makes none. ' +
      'It applies to the next tool call.',
  })
  @ApiOkResponse({ type: FeatureGrantsResponse })
  @ApiProblem(404, 'not-found', 'No such feature, or it declares no data tools')
  @ApiProblem(422, 'scope-not-declared', 'The feature does not declare a scope asked for')
  @ApiProblem(422, 'scope-granted-and-revoked', 'A scope is both granted and revoked')
  @ApiProblem(422, 'malformed-scope', 'Not a scope')
  change(
    @Param('feature') feature: string,
    @Body() body: ChangeFeatureGrantsDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<FeatureGrantsView> {
    return this.changeGrants.execute({
      feature,
      grant: body.grant,
      revoke: body.revoke,
      limits: body.limits,
      reason: body.reason,
      adminId: admin.id,
    });
  }

  @Get('tool-calls')
  @ApiOkResponse({ type: TOOL_CALL_PAGE, description: 'The tool audit, newest first' })
  toolCalls(@Query() query: ListToolCallsQueryDto): Promise<Page<ToolCallRecord>> {
    return this.listToolCalls.execute({ ...query, limit: query.limit ?? 50 });
  }
}
