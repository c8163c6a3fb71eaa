import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth';
import { ApiProblem, IdParam, ProblemException } from '../../http';
import { DeadLettersUnreachableError, ReplayFailedError } from '../messaging-errors';
import {
  BrokerStatus,
  DeadLetter,
  MessagingOperations,
  ModuleMessagingStatus,
  OutboxMessageState,
  ReplayResult,
} from '../operations/messaging-operations';
import { FAN_OUT_HEADER, MessagingUpstreams, UpstreamAnswer } from '../operations/messaging-upstreams';
import {
  DeadLetterListResponse,
  MessagingOverviewResponse,
  OutboxMessageResponse,
  ReplayManyResponse,
  ReplayResponse,
} from './messaging-admin.response';
import { ReplayDeadLettersDto } from './replay-dead-letters.dto';

/** Where a module's messaging lives: this process, or the origin of the upstream that hosts it. */
type Hosted<T> = T & { readonly host: string };

interface Overview {
  transport: string;
  modules: Hosted<ModuleMessagingStatus>[];
  broker?: BrokerStatus;
  upstreams: UpstreamStatus[];
}

/** What the gateway heard from one upstream. */
interface UpstreamStatus {
  readonly upstream: string;
  readonly reachable: boolean;
  readonly error?: string;
  readonly broker?: BrokerStatus;
}

type Replayed = { id: string; module: string; status: 'pending' | 'delivered' };

const THIS_PROCESS = 'this-process';

/**
 * Messaging operations for admins. In the split topology the process that routes modules elsewhere
 * (`GATEWAY_ROUTES`) asks each upstream too, so its answers cover every module; an upstream asked
 * that way (FAN_OUT_HEADER) answers for its own modules only.
 */
@ApiTags('admin')
@Roles('admin')
@Controller('admin/messaging')
export class MessagingAdminController {
  constructor(
    private readonly operations: MessagingOperations,
    private readonly upstreams: MessagingUpstreams,
  ) {}

  /**
   * Per module: messages waiting, the age of the oldest, dead letters and the inbox size, and which
   * process hosts it; with a broker, its consumer lag; per upstream, whether it answered.
   */
  @Get()
  @ApiOkResponse({ type: MessagingOverviewResponse })
  async overview(
    @Headers('authorization') authorization?: string,
    @Headers(FAN_OUT_HEADER) fannedOut?: string,
  ): Promise<Overview> {
    const [modules, broker, answers] = await Promise.all([
      this.operations.status(),
      this.operations.brokerStatus(),
      this.fanOut<Overview>(fannedOut, 'GET', '/admin/messaging', authorization),
    ]);
    const upstreams: UpstreamStatus[] = [];
    const remote: Hosted<ModuleMessagingStatus>[] = [];
    for (const answer of answers) {
      const body = okBody(answer, isOverview);
      if (!body) {
        upstreams.push({ upstream: answer.upstream, reachable: false, error: problemOf(answer) });
        continue;
      }
      upstreams.push({ upstream: answer.upstream, reachable: true, ...(body.broker ? { broker: body.broker } : {}) });
      remote.push(...body.modules.map((m) => ({ ...m, host: answer.upstream })));
    }
    return {
      transport: this.operations.transportName,
      modules: [...modules.map((m) => ({ ...m, host: THIS_PROCESS })), ...remote],
      ...(broker ? { broker } : {}),
      upstreams,
    };
  }

  @Get('dead-letters')
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–500, default 100' })
  @ApiOkResponse({ type: DeadLetterListResponse })
  async deadLetters(
    @Query('limit') limit?: string,
    @Headers('authorization') authorization?: string,
    @Headers(FAN_OUT_HEADER) fannedOut?: string,
  ): Promise<{ items: Hosted<DeadLetter>[] }> {
    const parsed = limit === undefined ? 100 : Number(limit);
    const clamped = Number.isInteger(parsed) && parsed > 0 ? Math.min(parsed, 500) : 100;
    const [local, answers] = await Promise.all([
      this.operations.deadLetters(clamped),
      this.fanOut<{ items: DeadLetter[] }>(
        fannedOut,
        'GET',
        `/admin/messaging/dead-letters?limit=${clamped}`,
        authorization,
      ),
    ]);
    const remote = answers.flatMap((a) =>
      (okBody(a, isDeadLetterList)?.items ?? []).map((d) => ({ ...d, host: a.upstream })),
    );
    return { items: [...local.map((d) => ({ ...d, host: THIS_PROCESS })), ...remote].slice(0, clamped) };
  }

  /**
   * Where an outbox message is now (pending, delivered or dead), in whichever module holds it, here
   * or (asked in turn) behind an upstream: how an operator sees a replayed dead letter delivered.
   */
  @Get('messages/:id')
  @ApiOkResponse({ type: OutboxMessageResponse })
  @ApiProblem(404, 'not-found', 'No outbox holds this message (unknown, or pruned after delivery)')
  async message(
    @IdParam() id: string,
    @Headers('authorization') authorization?: string,
    @Headers(FAN_OUT_HEADER) fannedOut?: string,
  ): Promise<Hosted<OutboxMessageState>> {
    const local = await this.operations.message(id);
    if (local) return { ...local, host: THIS_PROCESS };
    for (const origin of fannedOut ? [] : this.upstreams.origins) {
      const body = okBody(
        await this.upstreams.one<OutboxMessageState>(origin, 'GET', `/admin/messaging/messages/${id}`, authorization),
        isOutboxMessage,
      );
      if (body) return { ...body, host: origin };
    }
    throw ProblemException.notFound(`Outbox message ${id}`);
  }

  /**
   * Replays several dead letters, one after the other; each id gets its own outcome (an unknown id
   * or one that fails again does not stop the others). Ids this process does not know are asked of
   * the upstreams. 200 with one result per id, in order.
   */
  @Post('dead-letters/replay')
  @HttpCode(200)
  @ApiOkResponse({ type: ReplayManyResponse })
  async replayMany(
    @Body() body: ReplayDeadLettersDto,
    @Headers('authorization') authorization?: string,
    @Headers(FAN_OUT_HEADER) fannedOut?: string,
  ): Promise<{ results: ReplayResult[] }> {
    const results = await this.operations.replayMany(body.ids);
    for (const origin of fannedOut ? [] : this.upstreams.origins) {
      const unknown = results.filter((r) => r.outcome === 'not_found').map((r) => r.id);
      if (unknown.length === 0) break;
      const answer = okBody(
        await this.upstreams.one<{ results: ReplayResult[] }>(
          origin,
          'POST',
          '/admin/messaging/dead-letters/replay',
          authorization,
          { ids: unknown },
        ),
        isReplayList,
      );
      for (const result of answer?.results ?? []) {
        const at = results.findIndex((r) => r.id === result.id);
        if (at >= 0 && result.outcome !== 'not_found') results[at] = result;
      }
    }
    return { results };
  }

  /**
   * Replays a dead letter (outbox or broker), asking the upstreams when it is not here; 404 when none
   * has it, 503 when none that answered has it and a module's database here did not answer.
   */
  @Post('dead-letters/:id/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReplayResponse })
  @ApiProblem(409, 'replay-failed', 'Replaying a broker dead letter failed again')
  @ApiProblem(
    503,
    'dead-letters-unreachable',
    'Not found, and the database of a module that may hold it did not answer',
  )
  async replay(
    @IdParam() id: string,
    @Headers('authorization') authorization?: string,
    @Headers(FAN_OUT_HEADER) fannedOut?: string,
  ): Promise<Replayed> {
    let unreachable: DeadLettersUnreachableError | undefined;
    try {
      const replayed = await this.operations.replay(id);
      if (replayed) return replayed;
    } catch (error) {
      if (error instanceof DeadLettersUnreachableError) unreachable = error;
      else if (error instanceof ReplayFailedError)
        throw new ProblemException({ status: 409, type: 'replay-failed', detail: error.message });
      else throw error;
    }
    for (const origin of fannedOut ? [] : this.upstreams.origins) {
      const answer = await this.upstreams.one<Replayed & { detail?: string }>(
        origin,
        'POST',
        `/admin/messaging/dead-letters/${id}/replay`,
        authorization,
      );
      if ('status' in answer && answer.status === 202 && isReplayed(answer.body)) return answer.body;
      if ('status' in answer && answer.status === 409)
        throw new ProblemException({
          status: 409,
          type: 'replay-failed',
          detail: typeof answer.body?.detail === 'string' ? answer.body.detail : 'Failed again',
        });
    }
    if (unreachable)
      throw new ProblemException({ status: 503, type: 'dead-letters-unreachable', detail: unreachable.message });
    throw ProblemException.notFound(`Dead letter ${id}`);
  }

  /** The upstreams' answers, or none when this request was itself fanned out (or nothing is routed elsewhere). */
  private fanOut<T>(
    fannedOut: string | undefined,
    method: 'GET',
    path: string,
    authorization: string | undefined,
  ): Promise<UpstreamAnswer<T>[]> {
    return fannedOut ? Promise.resolve([]) : this.upstreams.ask<T>(method, path, authorization);
  }
}

/**
 * The body of an upstream's 200 when it has the shape this process expects; undefined otherwise (an
 * error, another status, or another service's answer behind a mistaken route: never trusted blindly).
 */
function okBody<T>(answer: UpstreamAnswer<T>, hasShape: (body: unknown) => body is T): T | undefined {
  return 'status' in answer && answer.status === 200 && hasShape(answer.body) ? answer.body : undefined;
}

function problemOf(answer: UpstreamAnswer<unknown>): string {
  if ('error' in answer) return answer.error;
  return answer.status === 200 ? 'answered 200 with an unexpected body' : `answered ${answer.status}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every element a record whose `keys` are strings. */
function recordsWith(value: unknown, keys: readonly string[]): boolean {
  return Array.isArray(value) && value.every((v) => isRecord(v) && keys.every((k) => typeof v[k] === 'string'));
}

function isOverview(body: unknown): body is Overview {
  return (
    isRecord(body) && recordsWith(body.modules, ['module']) && (body.broker === undefined || isRecord(body.broker))
  );
}

function isDeadLetterList(body: unknown): body is { items: DeadLetter[] } {
  return isRecord(body) && recordsWith(body.items, ['id', 'module']);
}

function isReplayList(body: unknown): body is { results: ReplayResult[] } {
  return isRecord(body) && recordsWith(body.results, ['id', 'outcome']);
}

function isReplayed(body: unknown): body is Replayed {
  return isRecord(body) && recordsWith([body], ['id', 'module', 'status']);
}

function isOutboxMessage(body: unknown): body is OutboxMessageState {
  return isRecord(body) && recordsWith([body], ['id', 'module', 'type', 'status']);
}
