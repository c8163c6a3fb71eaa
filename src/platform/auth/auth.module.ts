import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokens } from './access-tokens';
import { AuthGuard } from './auth.guard';

@Global()
@Module({
  providers: [AccessTokens, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessTokens],
})
export class AuthModule {}
