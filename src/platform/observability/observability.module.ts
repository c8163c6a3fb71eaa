import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ManagementAccess } from './management-access';
import { MetricsController } from './metrics.controller';
import { ReadinessChecks } from './readiness-checks';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [ReadinessChecks, ManagementAccess],
  exports: [ReadinessChecks],
})
export class ObservabilityModule {}
