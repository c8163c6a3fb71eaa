import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule, validateModuleSettings } from '../app.module';
import {
  EnsureAdminOutcome,
  EnsureAdminUseCase,
} from '../modules/accounts/application/admin-bootstrap/ensure-admin.use-case';
import { ConfigError, loadConfig } from '../platform/config';
import { resolveDatabaseTarget } from '../platform/database';
import { ProblemException } from '../platform/http';

// An existing account keeps its password: someone who lost it may think this command resets it.
const OUTCOMES: Record<EnsureAdminOutcome, string> = {
  created: 'created',
  promoted: 'given the admin role (its password is left as it was)',
  unchanged: 'already an admin (its password is left as it was)',
};

/**
 * `npm run admin:create -- <email> [name]`, with the password in ADMIN_PASSWORD (never on the
 * command line, where `ps` would show it). Creates the admin, or gives an existing account the role.
 * The welcome email goes out through the running app's relay (this process delivers nothing).
 */
async function main(): Promise<void> {
  const [email, name] = process.argv.slice(2);
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) {
    console.error('Usage: ADMIN_PASSWORD=… npm run admin:create -- <email> [name]');
    process.exit(2);
  }
  const config = loadConfig({
    ...process.env,
    MODULES: 'accounts',
    OUTBOX_RELAY: 'false',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    DEV_ADMIN: 'false',
  });
  validateModuleSettings(config);
  const database = await resolveDatabaseTarget(config.database);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, database }), {
    logger: ['error'],
  });
  try {
    const outcome = await app.get(EnsureAdminUseCase).execute({ email, password, name });
    console.log(`${email}: ${OUTCOMES[outcome]}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof ProblemException) {
    console.error(error.problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? error.problem.detail);
  } else console.error('create-admin failed:', error);
  process.exit(1);
});
