import { Injectable } from '@nestjs/common';
import { AccessStatusCache } from '../../../../platform/auth';
import { IsNull } from 'typeorm';
import { FieldError, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PasswordChanged } from '../../contracts';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { PasswordResetTokenOrmEntity } from '../../infrastructure/password-reset-token.orm-entity';
import { revokeAllSessionsOf } from '../../infrastructure/refresh-tokens.sql';
import { hashSecretToken } from '../../infrastructure/secret-tokens';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { assertStrongPassword } from '../password-problems';

function invalidResetToken(): ProblemException {
  return ProblemException.validation(
    [new FieldError('token', 'the reset token is invalid, expired or already used')],
    'The password reset link is no longer valid; ask for a new one.',
  );
}

/** Spends a single-use reset token: new password, every session revoked, PasswordChanged published. */
@Injectable()
export class ResetPasswordHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly accessStatuses: AccessStatusCache,
  ) {}

  async execute(token: string, password: string): Promise<void> {
    const userId = await this.uow.run(async (tx) => {
      const reset = await tx.manager
        .getRepository(PasswordResetTokenOrmEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.token_hash = :hash', { hash: hashSecretToken(token) })
        .getOne();
      if (!reset || reset.usedAt !== null || reset.expiresAt.getTime() <= Date.now()) throw invalidResetToken();
      const user = await tx.manager.findOneByOrFail(UserOrmEntity, { id: reset.userId });
      assertStrongPassword(password, 'password', { email: user.email });
      const passwordHash = await this.hasher.hash(password);
      const now = new Date();
      await tx.manager.update(UserOrmEntity, { id: user.id }, { passwordHash, updatedAt: now });
      // Every outstanding link of the user dies with this one.
      await tx.manager.update(PasswordResetTokenOrmEntity, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
      await revokeAllSessionsOf(tx.manager, user.id);
      tx.publish(new PasswordChanged({ userId: user.id, email: user.email, name: user.name }));
      return user.id;
    });
    this.accessStatuses.forget(userId);
  }
}
