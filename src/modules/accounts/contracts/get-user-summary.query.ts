import { Query, QueryContract } from '../../../platform/messaging/contracts';

export interface UserSummary {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
}

/** A user's public summary for other modules (e.g. the address for an email); null when unknown. */
@QueryContract('accounts.GetUserSummary', () => new GetUserSummary('0190a000-0000-7000-8000-000000000001'))
export class GetUserSummary extends Query<UserSummary | null> {
  constructor(
    /** The user. */
    readonly userId: string,
  ) {
    super();
  }
}
