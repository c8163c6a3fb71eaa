import { Injectable } from '@nestjs/common';
import { AccessStatusCache } from '../../../../platform/auth';
import { FieldError, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PasswordChanged } from '../../contracts';
import { isLiveResetToken } from '../../domain/session-tokens';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { PasswordResetTokenRepository } from '../../infrastructure/password-reset-token.repository';
import { hashSecretToken } from '../../infrastructure/secret-tokens';
import { UserRepository } from '../../infrastructure/user.repository';
import { assertStrongPassword } from '../password-problems';
import { Sessions } from '../sessions/sessions';

/** The token of the emailed link and the new password. */
export interface ResetPasswordInput {
  readonly token: string;
  readonly password: string;
}

function invalidResetToken(): ProblemException {
  return ProblemException.validation(
    [new FieldError('token', 'the reset token is invalid, expired or already used')],
    'The password reset link is no longer valid; ask for a new one.',
  );
}

/** Spends a single-use reset token: new password, every session revoked, PasswordChanged published. */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly resetTokens: PasswordResetTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly accessStatuses: AccessStatusCache,
  ) {}

  async execute(input: ResetPasswordInput): Promise<void> {
    const userId = await this.uow.run(async (tx) => {
      const reset = await this.resetTokens.lockByHash(tx, hashSecretToken(input.token));
      if (!reset || !isLiveResetToken(reset, Date.now())) throw invalidResetToken();
      const user = await this.users.findById(reset.userId, tx);
      if (!user) throw new Error(`reset token ${reset.id} names no user`);
      assertStrongPassword(input.password, 'password', { email: user.email });
      const passwordHash = await this.hasher.hash(input.password);
      const now = new Date();
      await this.users.changePasswordHash(tx, user.id, passwordHash, now);
      // Every outstanding link of the user dies with this one.
      await this.resetTokens.useAllOf(tx, user.id, now);
      await this.sessions.revokeAll(tx, user.id);
      tx.publish(new PasswordChanged({ userId: user.id, email: user.email, name: user.name }));
      return user.id;
    });
    this.accessStatuses.forget(userId);
  }
}
