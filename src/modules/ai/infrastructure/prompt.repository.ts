import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { PromptSummary, StoredLabelMove } from '../application/prompts/prompt-records';
import { LabelMove, LabelTarget, PromptLabels } from '../domain/prompt-labels';
import { PromptTemplate } from '../domain/prompt-template';
import { PromptVersion } from '../domain/prompt-version';
import { queryRows } from '../../../platform/database';
import { EntityManager } from 'typeorm';

interface VersionRow {
  prompt_name: string;
  version: number;
  template: PromptTemplate;
  variables: string[];
  provider: string;
  model: string;
  max_output_tokens: number;
  temperature: string | null;
  top_p: string | null;
  commit_message: string;
  created_by: string;
  created_at: Date;
}

interface LabelRow {
  label: string;
  version: number;
  split_version: number | null;
  split_weight_bps: number | null;
  updated_by: string;
  updated_at: Date;
}

interface MoveRow {
  id: string;
  prompt_name: string;
  label: string;
  from_version: number | null;
  from_split_version: number | null;
  from_split_weight_bps: number | null;
  to_version: number | null;
  to_split_version: number | null;
  to_split_weight_bps: number | null;
  moved_by: string;
  moved_at: Date;
  reason: string | null;
}

/** The prompt vault's tables: prompts, immutable versions, label pointers and the log of their moves. */
@Injectable()
export class PromptRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Creates the prompt if new, then locks it: versions and label moves of one prompt are serialised. */
  async lockOrCreate(tx: Transaction, name: string, description: string | undefined, by: string): Promise<void> {
    await tx.manager.query(
      `INSERT INTO prompts (name, description, created_by) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
      [name, description ?? '', by],
    );
    if (description !== undefined) {
      await tx.manager.query(`UPDATE prompts SET description = $2 WHERE name = $1`, [name, description]);
    }
    await tx.manager.query(`SELECT 1 FROM prompts WHERE name = $1 FOR UPDATE`, [name]);
  }

  /** Locks an existing prompt; false when there is none. */
  async lock(tx: Transaction, name: string): Promise<boolean> {
    const rows = await queryRows(tx.manager, `SELECT 1 FROM prompts WHERE name = $1 FOR UPDATE`, [name]);
    return rows.length > 0;
  }

  async versionNumbers(manager: EntityManager, name: string): Promise<number[]> {
    const rows = await queryRows<{ version: number }>(
      manager,
      `SELECT version FROM prompt_versions WHERE prompt_name = $1 ORDER BY version`,
      [name],
    );
    return rows.map((r) => r.version);
  }

  async insertVersion(tx: Transaction, version: PromptVersion): Promise<void> {
    const s = version.settings;
    await tx.manager.query(
      `INSERT INTO prompt_versions (prompt_name, version, template, variables, provider, model, max_output_tokens,
         temperature, top_p, commit_message, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        version.promptName,
        version.version,
        JSON.stringify(version.template),
        version.variables,
        s.provider,
        s.model,
        s.maxOutputTokens,
        s.temperature ?? null,
        s.topP ?? null,
        version.commitMessage,
        version.createdBy,
        version.createdAt,
      ],
    );
  }

  /** Versions of a prompt, newest first, below `beforeVersion` when given. */
  async versions(name: string, limit: number, beforeVersion: number | null): Promise<PromptVersion[]> {
    const rows = await queryRows<VersionRow>(
      this.uow.reader,
      `SELECT * FROM prompt_versions WHERE prompt_name = $1 AND ($2::int IS NULL OR version < $2)
       ORDER BY version DESC LIMIT $3`,
      [name, beforeVersion, limit],
    );
    return rows.map(toVersion);
  }

  /** Some versions of a prompt (e.g. a label's main and split versions). */
  async versionsIn(manager: EntityManager, name: string, numbers: readonly number[]): Promise<PromptVersion[]> {
    const rows = await queryRows<VersionRow>(
      manager,
      `SELECT * FROM prompt_versions WHERE prompt_name = $1 AND version = ANY($2::int[])`,
      [name, numbers],
    );
    return rows.map(toVersion);
  }

  async labels(manager: EntityManager, name: string): Promise<PromptLabels> {
    const rows = await queryRows<LabelRow>(manager, `SELECT * FROM prompt_labels WHERE prompt_name = $1`, [name]);
    return Object.fromEntries(
      rows.map((row) => [row.label, toTarget(row.version, row.split_version, row.split_weight_bps)!]),
    );
  }

  /** Writes a label's new target (null removes it) and its move, in the caller's transaction. */
  async applyMove(tx: Transaction, move: LabelMove): Promise<void> {
    if (move.to === null) {
      await tx.manager.query(`DELETE FROM prompt_labels WHERE prompt_name = $1 AND label = $2`, [
        move.promptName,
        move.label,
      ]);
    } else {
      await tx.manager.query(
        `INSERT INTO prompt_labels (prompt_name, label, version, split_version, split_weight_bps, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (prompt_name, label) DO UPDATE SET version = EXCLUDED.version, split_version = EXCLUDED.split_version,
           split_weight_bps = EXCLUDED.split_weight_bps, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [
          move.promptName,
          move.label,
          move.to.version,
          move.to.split?.version ?? null,
          move.to.split?.weightBps ?? null,
          move.movedBy,
          move.movedAt,
        ],
      );
    }
    await tx.manager.query(
      `INSERT INTO prompt_label_moves (id, prompt_name, label, from_version, from_split_version, from_split_weight_bps,
         to_version, to_split_version, to_split_weight_bps, moved_by, moved_at, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        uuidv7(),
        move.promptName,
        move.label,
        move.from?.version ?? null,
        move.from?.split?.version ?? null,
        move.from?.split?.weightBps ?? null,
        move.to?.version ?? null,
        move.to?.split?.version ?? null,
        move.to?.split?.weightBps ?? null,
        move.movedBy,
        move.movedAt,
        move.reason ?? null,
      ],
    );
  }

  /** The label moves of a prompt, newest first, before the move `beforeId` (UUIDv7: time order). */
  async moves(name: string, limit: number, beforeId: string | null): Promise<StoredLabelMove[]> {
    const rows = await queryRows<MoveRow>(
      this.uow.reader,
      `SELECT * FROM prompt_label_moves WHERE prompt_name = $1 AND ($2::uuid IS NULL OR id < $2)
       ORDER BY id DESC LIMIT $3`,
      [name, beforeId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      promptName: row.prompt_name,
      label: row.label,
      from: toTarget(row.from_version, row.from_split_version, row.from_split_weight_bps),
      to: toTarget(row.to_version, row.to_split_version, row.to_split_weight_bps),
      movedBy: row.moved_by,
      movedAt: row.moved_at,
      ...(row.reason ? { reason: row.reason } : {}),
    }));
  }

  /** One prompt with its latest version number and labels, or undefined. */
  async summary(manager: EntityManager, name: string): Promise<PromptSummary | undefined> {
    const [row] = await queryRows<{ name: string; description: string; created_at: Date; latest: number | null }>(
      manager,
      `SELECT p.name, p.description, p.created_at,
         (SELECT max(version) FROM prompt_versions v WHERE v.prompt_name = p.name) AS latest
       FROM prompts p WHERE p.name = $1`,
      [name],
    );
    if (!row) return undefined;
    return {
      name: row.name,
      description: row.description,
      createdAt: row.created_at,
      latestVersion: row.latest ?? 0,
      labels: await this.labels(manager, name),
    };
  }

  /** Prompt names in order, after `afterName`. */
  async names(limit: number, afterName: string | null): Promise<string[]> {
    const rows = await queryRows<{ name: string }>(
      this.uow.reader,
      `SELECT name FROM prompts WHERE ($1::text IS NULL OR name > $1) ORDER BY name LIMIT $2`,
      [afterName, limit],
    );
    return rows.map((r) => r.name);
  }
}

function toTarget(version: number | null, splitVersion: number | null, weightBps: number | null): LabelTarget | null {
  if (version === null) return null;
  return splitVersion === null || weightBps === null
    ? { version }
    : { version, split: { version: splitVersion, weightBps } };
}

function toVersion(row: VersionRow): PromptVersion {
  return {
    promptName: row.prompt_name,
    version: row.version,
    template: row.template,
    variables: row.variables,
    settings: {
      provider: row.provider,
      model: row.model,
      maxOutputTokens: row.max_output_tokens,
      ...(row.temperature !== null ? { temperature: Number(row.temperature) } : {}),
      ...(row.top_p !== null ? { topP: Number(row.top_p) } : {}),
    },
    commitMessage: row.commit_message,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
