import { Injectable } from '@nestjs/common';
import { AccessStatusCache } from '../../../../platform/auth';
import { UnitOfWork } from '../../../../platform/messaging';
import { Sessions } from '../sessions/sessions';

/** Whose sessions end. */
export interface LogOutEverywhereInput {
  readonly userId: string;
}

/**
 * Ends every session of the user (`POST /accounts/logout-all`): refresh tokens revoked, admin
 * rights of access tokens already issued gone within seconds.
 */
@Injectable()
export class LogOutEverywhereUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: Sessions,
    private readonly accessStatuses: AccessStatusCache,
  ) {}

  async execute(input: LogOutEverywhereInput): Promise<void> {
    await this.uow.run((tx) => this.sessions.revokeAll(tx, input.userId));
    this.accessStatuses.forget(input.userId);
  }
}
