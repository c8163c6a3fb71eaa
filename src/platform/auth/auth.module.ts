import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessStatusCache } from './access-status';
import { AccessTokens } from './access-tokens';
import { AuthGuard } from './auth.guard';

@Global()
@Module({})
export class AuthModule {
  /**
   * Access tokens and the guard of every route. `accessStatus` provides `ACCESS_STATUS_SOURCE`: the
   * platform knows no module, so the composition root says who answers for users' current rights.
   */
  static forRoot(accessStatus: Provider): DynamicModule {
    return {
      module: AuthModule,
      providers: [AccessTokens, AccessStatusCache, accessStatus, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AccessTokens, AccessStatusCache],
    };
  }
}
