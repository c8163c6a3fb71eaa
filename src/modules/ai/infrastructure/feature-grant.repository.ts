import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { FeatureGrantVersion } from '../domain/data-tools/feature-grants';

const COLUMNS = {
  feature: 'feature',
  version: 'version',
  scopes: 'scopes',
  maxToolCallsPerTurn: 'max_tool_calls_per_turn',
  maxRowsPerCall: 'max_rows_per_call',
  changedBy: 'changed_by',
  changedAt: 'changed_at',
  reason: 'reason',
} as const satisfies Record<keyof FeatureGrantVersion, string>;

const SELECT = `SELECT ${Object.values(COLUMNS).join(', ')} FROM feature_grant_versions`;

interface GrantRow {
  readonly feature: string;
  readonly version: number;
  readonly scopes: string[];
  readonly max_tool_calls_per_turn: number;
  readonly max_rows_per_call: number;
  readonly changed_by: string;
  readonly changed_at: Date;
  readonly reason: string;
}

/** The versions of each feature's data-tool grants (append-only; the current one is the highest). */
@Injectable()
export class FeatureGrantRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The feature's current grants, read now (never cached: a revoke applies to the very next tool call). */
  async current(feature: string, tx?: Transaction): Promise<FeatureGrantVersion | undefined> {
    const rows = (await (tx?.manager ?? this.uow.reader).query(
      `${SELECT} WHERE feature = $1 ORDER BY version DESC LIMIT 1`,
      [feature],
    )) as GrantRow[];
    return rows[0] && toGrant(rows[0]);
  }

  /** Every version of the feature's grants, newest first. */
  async history(feature: string): Promise<FeatureGrantVersion[]> {
    const rows = (await this.uow.reader.query(`${SELECT} WHERE feature = $1 ORDER BY version DESC`, [
      feature,
    ])) as GrantRow[];
    return rows.map(toGrant);
  }

  /** The current grants of every feature that has any version. */
  async allCurrent(): Promise<FeatureGrantVersion[]> {
    const rows = (await this.uow.reader.query(
      `SELECT DISTINCT ON (feature) ${Object.values(COLUMNS).join(', ')} FROM feature_grant_versions
        ORDER BY feature, version DESC`,
    )) as GrantRow[];
    return rows.map(toGrant);
  }

  /** Serialises changes to one feature's grants until `tx` ends (the next version number is read under it). */
  async lockFeature(tx: Transaction, feature: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('ai.feature_grants'), hashtext($1))`, [feature]);
  }

  /** Records a new version and returns it as stored. */
  async append(tx: Transaction, grant: Omit<FeatureGrantVersion, 'changedAt'>): Promise<FeatureGrantVersion> {
    const rows = (await tx.manager.query(
      `INSERT INTO feature_grant_versions
         (feature, version, scopes, max_tool_calls_per_turn, max_rows_per_call, changed_by, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${Object.values(COLUMNS).join(', ')}`,
      [
        grant.feature,
        grant.version,
        grant.scopes,
        grant.maxToolCallsPerTurn,
        grant.maxRowsPerCall,
        grant.changedBy,
        grant.reason,
      ],
    )) as GrantRow[];
    return toGrant(rows[0]);
  }
}

function toGrant(row: GrantRow): FeatureGrantVersion {
  return {
    feature: row.feature,
    version: row.version,
    scopes: row.scopes,
    maxToolCallsPerTurn: row.max_tool_calls_per_turn,
    maxRowsPerCall: row.max_rows_per_call,
    changedBy: row.changed_by,
    changedAt: row.changed_at.toISOString(),
    reason: row.reason,
  };
}
