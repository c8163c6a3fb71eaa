import { Query, QueryContract } from '../../../platform/messaging/contracts';

export interface UserAccessStatus {
  /** The user's roles now (`customer`, `admin`). */
  readonly roles: readonly string[];
  /** Bumped whenever every session of the user is revoked; access tokens carry the one they were issued under (`sv`). */
  readonly sessionVersion: number;
}

/**
 * A user's current roles and session version, for the platform's auth guard in any process: an
 * access token that claims more than this (a role taken away, a session revoked) is not honoured.
 * Null when the user does not exist.
 */
@QueryContract('accounts.GetAccessStatus', () => new GetAccessStatus('0190a000-0000-7000-8000-000000000001'))
export class GetAccessStatus extends Query<UserAccessStatus | null> {
  constructor(
    /** The user (the `sub` of the token). */
    readonly userId: string,
  ) {
    super();
  }
}
