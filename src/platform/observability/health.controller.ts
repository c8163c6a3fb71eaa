import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ModuleDataSources } from '../database';
import { ReadinessChecks } from './readiness-checks';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly typeOrm: TypeOrmHealthIndicator,
    private readonly dataSources: ModuleDataSources,
    private readonly readiness: ReadinessChecks,
  ) {}

  /** The process is up; says nothing of its dependencies. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Every module's database answers (and every other registered dependency). */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    const databases = this.dataSources.entries().map(
      ([module, connection]) =>
        () =>
          this.typeOrm.pingCheck(`db:${module}`, { connection }).withTimeout(2000),
    );
    return this.health.check([...databases, ...this.readiness.all()]);
  }
}
