import { Controller, Get, Headers, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { OwnCredentials } from '../auth/auth.decorators';
import { ModuleDataSources } from '../database';
import { ManagementAccess } from './management-access';
import { ReadinessChecks } from './readiness-checks';

@ApiTags('health')
@OwnCredentials()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly typeOrm: TypeOrmHealthIndicator,
    private readonly dataSources: ModuleDataSources,
    private readonly readiness: ReadinessChecks,
    private readonly access: ManagementAccess,
  ) {}

  /** The process is up; says nothing of its dependencies. */
  @Get('live')
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Every module's database answers (and every other registered dependency). Anyone learns whether
   * the process is ready (200 `{status: "ok"}` or 503); which dependency is up or down is shown only
   * to those who may see operational detail (`METRICS_TOKEN`; anyone outside production without it).
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness; details need Authorization: Bearer <METRICS_TOKEN> in production' })
  @HealthCheck()
  async ready(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthCheckResult | { status: 'ok' }> {
    const detailed = this.access.allows(authorization);
    const databases = this.dataSources.entries().map(
      ([module, connection]) =>
        () =>
          this.typeOrm.pingCheck(`db:${module}`, { connection }).withTimeout(2000),
    );
    try {
      const result = await this.health.check([...databases, ...this.readiness.all()]);
      return detailed ? result : { status: 'ok' };
    } catch (error) {
      // Anonymous callers get the plain 503 problem; the others see which check failed.
      if (!detailed || !(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
