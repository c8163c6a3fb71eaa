import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { normalizeEmail } from '../../domain/email';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { UserRepository } from '../../infrastructure/user.repository';
import { Sessions } from '../sessions/sessions';
import { SessionTokens } from '../views';
import { LoginThrottle } from './login-throttle';

/** The credentials, and the client's address (for the throttle). */
export interface LogInInput {
  readonly email: string;
  readonly password: string;
  readonly clientAddress: string;
}

/** The one answer to a wrong password and to an unknown email alike. */
function invalidCredentials(): ProblemException {
  return new ProblemException({ status: 401, type: 'invalid-credentials', detail: 'The email or password is wrong.' });
}

/** Checks the password (throttled per account and address) and opens a session. */
@Injectable()
export class LogInUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: Sessions,
  ) {}

  async execute(input: LogInInput): Promise<SessionTokens> {
    const email = normalizeEmail(input.email);
    await this.throttle.check(email, input.clientAddress);
    const user = await this.users.findByEmail(email);
    // An unknown email still costs one argon2 verification, so timing does not tell them apart.
    if (!(await this.hasher.verify(user?.passwordHash, input.password)) || !user) throw invalidCredentials();
    await this.throttle.succeeded(email, input.clientAddress);
    return this.uow.run((tx) => this.sessions.open(tx, user));
  }
}
