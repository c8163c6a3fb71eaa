import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ManagementAccess } from './management-access';
import { MetricsController } from './metrics.controller';
import { ReadinessChecks } from './readiness-checks';
import { StartupNotes } from './startup-summary';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [ReadinessChecks, ManagementAccess, StartupNotes],
  exports: [ReadinessChecks, StartupNotes],
})
export class ObservabilityModule {}
