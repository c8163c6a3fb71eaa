import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, IdParam } from '../../../platform/http';
import { BudgetView, CostAdmin, PriceView } from '../application/costs/cost-admin';
import {
  BudgetDto,
  BudgetList,
  BudgetResponse,
  NewPriceDto,
  PriceList,
  PriceResponse,
  SpendQueryDto,
  SpendResponse,
} from './costs.dto';

/** Admin: the model price table (with history), budgets, and spend roll-ups. */
@ApiTags('ai')
@Controller('ai')
@Roles('admin')
export class CostsController {
  constructor(private readonly costs: CostAdmin) {}

  @Get('prices')
  @ApiOperation({ summary: 'Every price row, newest first (defaults and admin rows; old rows stay for old calls)' })
  @ApiOkResponse({ type: PriceList })
  async prices(): Promise<{ items: PriceView[] }> {
    return { items: await this.costs.listPrices() };
  }

  @Post('prices')
  @ApiOperation({ summary: 'A new price from a date on (an admin row wins over the defaults)' })
  @ApiCreatedResponse({ type: PriceResponse })
  addPrice(@Body() body: NewPriceDto, @CurrentUser() user: AuthenticatedUser): Promise<PriceView> {
    return this.costs.addPrice(
      { ...body, effectiveFrom: body.effectiveFrom ? new Date(body.effectiveFrom) : undefined },
      user.id,
    );
  }

  @Get('budgets')
  @ApiOperation({ summary: 'Budgets with their spend and reservations in the current window' })
  @ApiOkResponse({ type: BudgetList })
  async budgets(): Promise<{ items: BudgetView[] }> {
    return { items: await this.costs.listBudgets() };
  }

  @Post('budgets')
  @ApiCreatedResponse({ type: BudgetResponse })
  createBudget(@Body() body: BudgetDto, @CurrentUser() user: AuthenticatedUser): Promise<BudgetView> {
    return this.costs.createBudget(body, user.id);
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
    return this.costs.updateBudget(id, body, user.id);
  }

  @Get('spend')
  @ApiOperation({ summary: 'Spend per day x feature x provider x model, with totals per currency' })
  @ApiOkResponse({ type: SpendResponse })
  spend(@Query() q: SpendQueryDto): Promise<{ items: unknown[]; totals: unknown }> {
    return this.costs.spendRows(q.from, q.to, q.feature ?? null);
  }
}
