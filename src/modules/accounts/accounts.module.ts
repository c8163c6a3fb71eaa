import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { ACCOUNTS_CONFIG, loadAccountsConfig } from './accounts.config';
import { GetAccessStatusHandler } from './application/access-status/get-access-status.handler';
import { AddAddressUseCase } from './application/addresses/add-address.use-case';
import { ListAddressesUseCase } from './application/addresses/list-addresses.use-case';
import { RemoveAddressUseCase } from './application/addresses/remove-address.use-case';
import { UpdateAddressUseCase } from './application/addresses/update-address.use-case';
import { AdminBootstrap } from './application/admin-bootstrap/admin-bootstrap';
import { EnsureAdminUseCase } from './application/admin-bootstrap/ensure-admin.use-case';
import { ChangePasswordUseCase } from './application/change-password/change-password.use-case';
import { RequestLimits } from './application/limits/request-limits';
import { LogInUseCase } from './application/log-in/log-in.use-case';
import { LoginThrottle } from './application/log-in/login-throttle';
import { LogOutEverywhereUseCase } from './application/log-out/log-out-everywhere.use-case';
import { LogOutUseCase } from './application/log-out/log-out.use-case';
import { RequestPasswordResetUseCase } from './application/password-reset/request-password-reset.use-case';
import { ResetLinks } from './application/password-reset/reset-links';
import { ResetPasswordUseCase } from './application/password-reset/reset-password.use-case';
import { GetProfileUseCase } from './application/profile/get-profile.use-case';
import { UpdateProfileUseCase } from './application/profile/update-profile.use-case';
import { RefreshSessionUseCase } from './application/refresh-session/refresh-session.use-case';
import { Sessions } from './application/sessions/sessions';
import { AccountRegistration } from './application/sign-up/account-registration';
import { SignUpUseCase } from './application/sign-up/sign-up.use-case';
import { GetUserSummaryHandler } from './application/user-summary/get-user-summary.handler';
import { ListUsersUseCase } from './application/users/list-users.use-case';
import { SetUserRolesUseCase } from './application/users/set-user-roles.use-case';
import { AuthController } from './http/auth.controller';
import { MeController } from './http/me.controller';
import { UsersController } from './http/users.controller';
import { AddressOrmEntity } from './infrastructure/address.orm-entity';
import { AddressRepository } from './infrastructure/address.repository';
import { PasswordHasher } from './infrastructure/password-hasher';
import { PasswordResetTokenOrmEntity } from './infrastructure/password-reset-token.orm-entity';
import { PasswordResetTokenRepository } from './infrastructure/password-reset-token.repository';
import { RefreshTokenOrmEntity } from './infrastructure/refresh-token.orm-entity';
import { RefreshTokenRepository } from './infrastructure/refresh-token.repository';
import { UserOrmEntity } from './infrastructure/user.orm-entity';
import { UserRepository } from './infrastructure/user.repository';
import { accountsDescriptor } from './accounts.descriptor';

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
    // infrastructure
    UserRepository,
    AddressRepository,
    RefreshTokenRepository,
    PasswordResetTokenRepository,
    PasswordHasher,
    // application helpers
    Sessions,
    AccountRegistration,
    ResetLinks,
    LoginThrottle,
    RequestLimits,
    AdminBootstrap,
    // use cases
    SignUpUseCase,
    LogInUseCase,
    RefreshSessionUseCase,
    LogOutUseCase,
    LogOutEverywhereUseCase,
    RequestPasswordResetUseCase,
    ResetPasswordUseCase,
    ChangePasswordUseCase,
    GetProfileUseCase,
    UpdateProfileUseCase,
    ListAddressesUseCase,
    AddAddressUseCase,
    UpdateAddressUseCase,
    RemoveAddressUseCase,
    ListUsersUseCase,
    SetUserRolesUseCase,
    EnsureAdminUseCase,
    // bus handlers
    GetUserSummaryHandler,
    GetAccessStatusHandler,
  ],
})
export class AccountsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = accountsDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
