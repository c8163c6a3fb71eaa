import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { ACCOUNTS_CONFIG, loadAccountsConfig } from './accounts.config';
import { GetAccessStatusHandler } from './application/access-status/get-access-status.handler';
import { AddAddressHandler } from './application/addresses/add-address.handler';
import { ListAddressesHandler } from './application/addresses/list-addresses.handler';
import { RemoveAddressHandler } from './application/addresses/remove-address.handler';
import { UpdateAddressHandler } from './application/addresses/update-address.handler';
import { AdminBootstrap } from './application/admin-bootstrap/admin-bootstrap';
import { EnsureAdminHandler } from './application/admin-bootstrap/ensure-admin.handler';
import { ChangePasswordHandler } from './application/change-password/change-password.handler';
import { RequestLimits } from './application/limits/request-limits';
import { LogInHandler } from './application/log-in/log-in.handler';
import { LoginThrottle } from './application/log-in/login-throttle';
import { LogOutHandler } from './application/log-out/log-out.handler';
import { RequestPasswordResetHandler } from './application/password-reset/request-password-reset.handler';
import { ResetPasswordHandler } from './application/password-reset/reset-password.handler';
import { GetProfileHandler } from './application/profile/get-profile.handler';
import { UpdateProfileHandler } from './application/profile/update-profile.handler';
import { RefreshSessionHandler } from './application/refresh-session/refresh-session.handler';
import { SessionIssuer } from './application/sessions/session-issuer';
import { SignUpHandler } from './application/sign-up/sign-up.handler';
import { GetUserSummaryHandler } from './application/user-summary/get-user-summary.handler';
import { ListUsersHandler } from './application/users/list-users.handler';
import { SetUserRolesHandler } from './application/users/set-user-roles.handler';
import { AuthController } from './http/auth.controller';
import { MeController } from './http/me.controller';
import { UsersController } from './http/users.controller';
import { AddressOrmEntity } from './infrastructure/address.orm-entity';
import { PasswordHasher } from './infrastructure/password-hasher';
import { PasswordResetTokenOrmEntity } from './infrastructure/password-reset-token.orm-entity';
import { RefreshTokenOrmEntity } from './infrastructure/refresh-token.orm-entity';
import { UserOrmEntity } from './infrastructure/user.orm-entity';

const database: ModuleDatabaseDefinition = {
  module: 'accounts',
  entities: [UserOrmEntity, AddressOrmEntity, RefreshTokenOrmEntity, PasswordResetTokenOrmEntity],
};

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadAccountsConfig(config.source, config.env);

/** The accounts bounded context: users, credentials, refresh and password-reset tokens, profiles, addresses and roles. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('accounts')],
  controllers: [AuthController, MeController, UsersController],
  providers: [
    {
      provide: ACCOUNTS_CONFIG,
      inject: [APP_CONFIG],
      useFactory: settings,
    },
    PasswordHasher,
    SessionIssuer,
    LoginThrottle,
    RequestLimits,
    SignUpHandler,
    LogInHandler,
    RefreshSessionHandler,
    LogOutHandler,
    RequestPasswordResetHandler,
    ResetPasswordHandler,
    ChangePasswordHandler,
    GetProfileHandler,
    UpdateProfileHandler,
    ListAddressesHandler,
    AddAddressHandler,
    UpdateAddressHandler,
    RemoveAddressHandler,
    ListUsersHandler,
    SetUserRolesHandler,
    EnsureAdminHandler,
    AdminBootstrap,
    GetUserSummaryHandler,
    GetAccessStatusHandler,
  ],
})
export class AccountsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
