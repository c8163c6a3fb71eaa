import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { normalizeEmail } from '../../domain/email';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { SessionIssuer } from '../sessions/session-issuer';
import { SessionTokens } from '../views';
import { LoginThrottle } from './login-throttle';

/** The one answer to a wrong password and to an unknown email alike. */
export function invalidCredentials(): ProblemException {
  return new ProblemException({ status: 401, type: 'invalid-credentials', detail: 'The email or password is wrong.' });
}

/** Checks the password (throttled per account and address) and opens a session. */
@Injectable()
export class LogInHandler {
  constructor(
    @InjectDataSource('accounts') private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(input: { email: string; password: string }, clientAddress: string): Promise<SessionTokens> {
    const email = normalizeEmail(input.email);
    await this.throttle.check(email, clientAddress);
    const user = await this.dataSource.getRepository(UserOrmEntity).findOneBy({ email });
    // An unknown email still costs one argon2 verification, so timing does not tell them apart.
    if (!(await this.hasher.verify(user?.passwordHash, input.password)) || !user) throw invalidCredentials();
    await this.throttle.succeeded(email, clientAddress);
    return this.uow.run((tx) => this.sessions.issue(tx.manager, user));
  }
}
