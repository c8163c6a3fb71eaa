import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth';
import { ApiProblem, IdParam, ProblemException } from '../../http';
import { ReplayFailedError } from '../messaging-errors';
import {
  BrokerStatus,
  DeadLetter,
  MessagingOperations,
  ModuleMessagingStatus,
} from '../operations/messaging-operations';
import { DeadLetterListResponse, MessagingOverviewResponse, ReplayResponse } from './messaging-admin.response';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/messaging')
export class MessagingAdminController {
  constructor(private readonly operations: MessagingOperations) {}

  /** Per module: messages waiting, the age of the oldest, and dead letters; with a broker, its consumer lag. */
  @Get()
  @ApiOkResponse({ type: MessagingOverviewResponse })
  async overview(): Promise<{ transport: string; modules: ModuleMessagingStatus[]; broker?: BrokerStatus }> {
    const [modules, broker] = await Promise.all([this.operations.status(), this.operations.brokerStatus()]);
    return { transport: this.operations.transportName, modules, ...(broker ? { broker } : {}) };
  }

  @Get('dead-letters')
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–500, default 100' })
  @ApiOkResponse({ type: DeadLetterListResponse })
  async deadLetters(@Query('limit') limit?: string): Promise<{ items: DeadLetter[] }> {
    const parsed = limit === undefined ? 100 : Number(limit);
    const clamped = Number.isInteger(parsed) && parsed > 0 ? Math.min(parsed, 500) : 100;
    return { items: await this.operations.deadLetters(clamped) };
  }

  /** Replays a dead letter (outbox or broker); 404 when no dead letter has that id. */
  @Post('dead-letters/:id/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReplayResponse })
  @ApiProblem(409, 'replay-failed', 'Replaying a broker dead letter failed again')
  async replay(@IdParam() id: string): Promise<{ id: string; module: string; status: 'pending' | 'delivered' }> {
    try {
      const replayed = await this.operations.replay(id);
      if (!replayed) throw ProblemException.notFound(`Dead letter ${id}`);
      return replayed;
    } catch (error) {
      if (!(error instanceof ReplayFailedError)) throw error;
      throw new ProblemException({ status: 409, type: 'replay-failed', detail: error.message });
    }
  }
}
