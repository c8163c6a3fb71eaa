import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { FraudModelJson } from '../domain/fraud/fraud-model';

/** Where a stored model stands: only `active` acts; `shadow` is scored and logged; `candidate` and `retired` rest. */
export type FraudModelStatus = 'candidate' | 'shadow' | 'active' | 'retired';

/** A stored model version without its JSON (lists). */
export interface FraudModelVersion {
  readonly version: number;
  readonly status: FraudModelStatus;
  /** `history` (the shop's labelled attempts) or `synthetic` (the demo generator). */
  readonly source: string;
  /** Hold-out figures measured when it was trained (ROC AUC, PR AUC, recall and FPR at a review budget…). */
  readonly metrics: Record<string, unknown>;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly activatedAt: Date | null;
}

/** One entry of the audit of model changes. */
export interface FraudModelAuditEntry {
  readonly action: 'train' | 'shadow' | 'promote' | 'rollback';
  readonly version: number | null;
  readonly previousVersion: number | null;
  readonly actor: string;
  readonly at: Date;
}

interface VersionRow {
  version: number;
  status: FraudModelStatus;
  source: string;
  metrics: Record<string, unknown>;
  created_by: string;
  created_at: Date;
  activated_at: Date | null;
}

const VERSION_COLUMNS = 'version, status, source, metrics, created_by, created_at, activated_at';

/** Payments' versioned fraud models (at most one active and one shadow, by unique indexes) and their audit. */
@Injectable()
export class FraudModelRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Stores a trained model; returns its version. */
  async insert(
    tx: Transaction,
    entry: { status: FraudModelStatus; source: string; model: FraudModelJson; metrics: object; createdBy: string },
  ): Promise<number> {
    const [row] = (await tx.manager.query(
      `INSERT INTO fraud_models (status, source, model, metrics, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING version`,
      [entry.status, entry.source, JSON.stringify(entry.model), JSON.stringify(entry.metrics), entry.createdBy],
    )) as { version: number }[];
    return row.version;
  }

  /** Every version, newest first. */
  async list(): Promise<FraudModelVersion[]> {
    const rows = (await this.uow.reader.query(
      `SELECT ${VERSION_COLUMNS} FROM fraud_models ORDER BY version DESC`,
    )) as VersionRow[];
    return rows.map(toVersion);
  }

  /** One version, locked in `tx`. */
  async lock(tx: Transaction, version: number): Promise<FraudModelVersion | undefined> {
    const [row] = (await tx.manager.query(`SELECT ${VERSION_COLUMNS} FROM fraud_models WHERE version = $1 FOR UPDATE`, [
      version,
    ])) as VersionRow[];
    return row && toVersion(row);
  }

  /** The versions that act (active) and are watched (shadow) now. */
  async live(tx?: Transaction): Promise<{ active: number | null; shadow: number | null }> {
    const rows = (await (tx?.manager ?? this.uow.reader).query(
      `SELECT version, status FROM fraud_models WHERE status IN ('active', 'shadow')`,
    )) as { version: number; status: FraudModelStatus }[];
    const of = (status: FraudModelStatus) => rows.find((row) => row.status === status)?.version ?? null;
    return { active: of('active'), shadow: of('shadow') };
  }

  /** A version's model JSON (unparsed: `parseFraudModel` before use). */
  async modelJson(version: number, tx?: Transaction): Promise<unknown> {
    const reader = tx?.manager ?? this.uow.reader;
    const [row] = (await reader.query(`SELECT model FROM fraud_models WHERE version = $1`, [version])) as {
      model: unknown;
    }[];
    return row?.model;
  }

  /**
   * Serialises changes of the model statuses until `tx` ends. Row locks alone cannot: with no
   * shadow (or active) version yet there is no row to lock, and a holder whose status a concurrent
   * change moved is skipped on re-check, so two changes would both insert or set the one shadow or
   * active version (a unique violation, answered 500).
   */
  async lockLifecycle(tx: Transaction): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('payments.fraud_models'))`);
  }

  /** The version holding `status` now, locked in `tx`. */
  async lockHolder(tx: Transaction, status: 'active' | 'shadow'): Promise<number | null> {
    const [row] = (await tx.manager.query(`SELECT version FROM fraud_models WHERE status = $1 FOR UPDATE`, [
      status,
    ])) as { version: number }[];
    return row?.version ?? null;
  }

  /** The last version that was active before `current` (the rollback target), if any. */
  async previousActive(tx: Transaction, current: number | null): Promise<number | null> {
    const [row] = (await tx.manager.query(
      `SELECT version FROM fraud_models WHERE status = 'retired' AND activated_at IS NOT NULL
         AND ($1::int IS NULL OR version <> $1) ORDER BY activated_at DESC LIMIT 1`,
      [current],
    )) as { version: number }[];
    return row?.version ?? null;
  }

  /** Sets a version's status (and its activation time when it becomes active). */
  async setStatus(tx: Transaction, version: number, status: FraudModelStatus): Promise<void> {
    await tx.manager.query(
      `UPDATE fraud_models SET status = $2, activated_at = CASE WHEN $2 = 'active' THEN now() ELSE activated_at END
       WHERE version = $1`,
      [version, status],
    );
  }

  /** Appends to the audit of model changes. */
  async audit(tx: Transaction, entry: Omit<FraudModelAuditEntry, 'at'>): Promise<void> {
    await tx.manager.query(
      `INSERT INTO fraud_model_audit (action, version, previous_version, actor) VALUES ($1, $2, $3, $4)`,
      [entry.action, entry.version, entry.previousVersion, entry.actor],
    );
  }

  /** The audit, newest first. */
  async auditLog(limit = 100): Promise<FraudModelAuditEntry[]> {
    const rows = (await this.uow.reader.query(
      `SELECT action, version, previous_version, actor, at FROM fraud_model_audit ORDER BY id DESC LIMIT $1`,
      [limit],
    )) as {
      action: FraudModelAuditEntry['action'];
      version: number | null;
      previous_version: number | null;
      actor: string;
      at: Date;
    }[];
    return rows.map((row) => ({
      action: row.action,
      version: row.version,
      previousVersion: row.previous_version,
      actor: row.actor,
      at: row.at,
    }));
  }
}

function toVersion(row: VersionRow): FraudModelVersion {
  return {
    version: row.version,
    status: row.status,
    source: row.source,
    metrics: row.metrics,
    createdBy: row.created_by,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
  };
}
