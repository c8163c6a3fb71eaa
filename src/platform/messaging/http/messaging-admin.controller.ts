import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth';
import { ApiProblem, IdParam, ProblemException } from '../../http';
import { ReplayFailedError } from '../messaging-errors';
import {
  BrokerStatus,
  DeadLetter,
  MessagingOperations,
  ModuleMessagingStatus,
  ReplayResult,
} from '../operations/messaging-operations';
import {
  DeadLetterListResponse,
  MessagingOverviewResponse,
  ReplayManyResponse,
  ReplayResponse,
} from './messaging-admin.response';
import { ReplayDeadLettersDto } from './replay-dead-letters.dto';

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

  /**
   * Replays several dead letters, one after the other; each id gets its own outcome (an unknown id
   * or one that fails again does not stop the others). 200 with one result per id, in order.
   */
  @Post('dead-letters/replay')
  @HttpCode(200)
  @ApiOkResponse({ type: ReplayManyResponse })
  async replayMany(@Body() body: ReplayDeadLettersDto): Promise<{ results: ReplayResult[] }> {
    return { results: await this.operations.replayMany(body.ids) };
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
