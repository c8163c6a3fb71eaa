import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OwnCredentials } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem.exception';
import { metricsRegistry } from './http-metrics';
import { ManagementAccess } from './management-access';

@ApiExcludeController()
@OwnCredentials()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly access: ManagementAccess) {}

  /** Prometheus text format; needs `Authorization: Bearer <METRICS_TOKEN>` unless open (see ManagementAccess). */
  @Get()
  @Header('content-type', metricsRegistry.contentType)
  metrics(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (!this.access.allows(authorization)) {
      throw new ProblemException({
        status: 401,
        type: 'unauthorized',
        detail: 'Metrics need the bearer token configured as METRICS_TOKEN.',
      });
    }
    return metricsRegistry.metrics();
  }
}
