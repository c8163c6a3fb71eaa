import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, IdParam } from '../../../platform/http';
import { AddPriceUseCase } from '../application/costs/add-price.use-case';
import { BudgetView, PriceView } from '../application/costs/cost-admin';
import { CreateBudgetUseCase } from '../application/costs/create-budget.use-case';
import { BudgetChangeView, ListBudgetChangesUseCase } from '../application/costs/list-budget-changes.use-case';
import { ListBudgetsUseCase } from '../application/costs/list-budgets.use-case';
import { ListPricesUseCase } from '../application/costs/list-prices.use-case';
import { UpdateBudgetUseCase } from '../application/costs/update-budget.use-case';
import { ViewSpendUseCase } from '../application/costs/view-spend.use-case';
import {
  BudgetChangeListResponse,
  BudgetDto,
  BudgetListResponse,
  BudgetResponse,
  NewPriceDto,
  PriceListResponse,
  PriceResponse,
  SpendQueryDto,
  SpendResponse,
} from './costs.dto';

/** Admin: the model price table (with history), budgets, and spend roll-ups. */
@ApiTags('ai')
@Controller('ai')
@Roles('admin')
export class CostsController {
  constructor(
    private readonly listPrices: ListPricesUseCase,
    private readonly addPriceRow: AddPriceUseCase,
    private readonly listBudgets: ListBudgetsUseCase,
    private readonly createBudgetRow: CreateBudgetUseCase,
    private readonly updateBudgetRow: UpdateBudgetUseCase,
    private readonly viewSpend: ViewSpendUseCase,
    private readonly listBudgetChanges: ListBudgetChangesUseCase,
  ) {}

  @Get('prices')
  @ApiOperation({ summary: 'Every price row, newest first (defaults and admin rows; old rows stay for old calls)' })
  @ApiOkResponse({ type: PriceListResponse })
  async prices(): Promise<{ items: PriceView[] }> {
    return { items: await this.listPrices.execute() };
  }

  @Post('prices')
  @ApiOperation({ summary: 'A new price from a date on (an admin row wins over the defaults)' })
  @ApiCreatedResponse({ type: PriceResponse })
  addPrice(@Body() body: NewPriceDto, @CurrentUser() user: AuthenticatedUser): Promise<PriceView> {
    return this.addPriceRow.execute({
      price: { ...body, effectiveFrom: body.effectiveFrom ? new Date(body.effectiveFrom) : undefined },
      by: user.id,
    });
  }

  @Get('budgets')
  @ApiOperation({ summary: 'Budgets with their spend and reservations in the current window' })
  @ApiOkResponse({ type: BudgetListResponse })
  async budgets(): Promise<{ items: BudgetView[] }> {
    return { items: await this.listBudgets.execute() };
  }

  @Post('budgets')
  @ApiCreatedResponse({ type: BudgetResponse })
  createBudget(@Body() body: BudgetDto, @CurrentUser() user: AuthenticatedUser): Promise<BudgetView> {
    return this.createBudgetRow.execute({ budget: body, by: user.id });
  }

  @Put('budgets/:id')
  @ApiOperation({ summary: 'Change a budget (limit, soft limit, period, active); every version is kept' })
  @ApiOkResponse({ type: BudgetResponse })
  @ApiProblem(409, 'budget-scope-fixed', 'A budget keeps its scope')
  updateBudget(
    @IdParam() id: string,
    @Body() body: BudgetDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<BudgetView> {
    return this.updateBudgetRow.execute({ id, budget: body, by: user.id });
  }

  @Get('budgets/:id/changes')
  @ApiOperation({
    summary: "A budget's change history, newest first",
    description: 'Every version of its limit, soft limit, period (reset) and active flag: who changed what, and when.',
  })
  @ApiOkResponse({ type: BudgetChangeListResponse })
  @ApiProblem(404, 'not-found', 'No such budget')
  budgetChanges(@IdParam() id: string): Promise<{ items: BudgetChangeView[] }> {
    return this.listBudgetChanges.execute({ id });
  }

  @Get('spend')
  @ApiOperation({ summary: 'Spend per day x feature x provider x model, with totals per currency' })
  @ApiOkResponse({ type: SpendResponse })
  spend(@Query() q: SpendQueryDto): Promise<{ items: unknown[]; totals: unknown }> {
    return this.viewSpend.execute({ from: q.from, to: q.to, feature: q.feature ?? null });
  }
}
