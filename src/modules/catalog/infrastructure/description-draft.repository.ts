import { Injectable } from '@nestjs/common';
import { isUuid } from '../../../platform/ids';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { DescriptionDraft, DescriptionDraftStatus } from '../domain/description-draft';

const COLUMNS = {
  id: 'id',
  productId: 'product_id',
  status: 'status',
  text: 'text',
  promptName: 'prompt_name',
  promptVersion: 'prompt_version',
  aiCallId: 'ai_call_id',
  requestedBy: 'requested_by',
  createdAt: 'created_at',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
} as const satisfies Record<keyof DescriptionDraft, string>;

const SELECT = `SELECT ${Object.values(COLUMNS).join(', ')} FROM description_drafts`;

interface DraftRow {
  readonly id: string;
  readonly product_id: string;
  readonly status: DescriptionDraftStatus;
  readonly text: string;
  readonly prompt_name: string;
  readonly prompt_version: number;
  readonly ai_call_id: string;
  readonly requested_by: string;
  readonly created_at: Date;
  readonly decided_by: string | null;
  readonly decided_at: Date | null;
}

/** Description drafts of products. */
@Injectable()
export class DescriptionDraftRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(
    draft: Omit<DescriptionDraft, 'status' | 'createdAt' | 'decidedBy' | 'decidedAt'>,
  ): Promise<DescriptionDraft> {
    const rows = (await this.uow.reader.query(
      `INSERT INTO description_drafts (id, product_id, status, text, prompt_name, prompt_version, ai_call_id, requested_by)
       VALUES ($1, $2, 'proposed', $3, $4, $5, $6, $7) RETURNING ${Object.values(COLUMNS).join(', ')}`,
      [draft.id, draft.productId, draft.text, draft.promptName, draft.promptVersion, draft.aiCallId, draft.requestedBy],
    )) as DraftRow[];
    return toDraft(rows[0]);
  }

  /** The product's drafts, newest first (at most `limit`). */
  async ofProduct(productId: string, limit: number): Promise<DescriptionDraft[]> {
    const rows = (await this.uow.reader.query(
      `${SELECT} WHERE product_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [productId, limit],
    )) as DraftRow[];
    return rows.map(toDraft);
  }

  /** A product's draft locked for a decision. */
  async lock(tx: Transaction, productId: string, id: string): Promise<DescriptionDraft | undefined> {
    if (!isUuid(id)) return undefined;
    const rows = (await tx.manager.query(`${SELECT} WHERE id = $1 AND product_id = $2 FOR UPDATE`, [
      id,
      productId,
    ])) as DraftRow[];
    return rows[0] && toDraft(rows[0]);
  }

  async decide(
    tx: Transaction,
    id: string,
    status: Exclude<DescriptionDraftStatus, 'proposed'>,
    by: string,
  ): Promise<DescriptionDraft> {
    const rows = (await tx.manager.query(
      `UPDATE description_drafts SET status = $2, decided_by = $3, decided_at = date_trunc('milliseconds', now())
        WHERE id = $1 RETURNING ${Object.values(COLUMNS).join(', ')}`,
      [id, status, by],
    )) as [DraftRow[], number];
    return toDraft(rows[0][0]);
  }
}

function toDraft(row: DraftRow): DescriptionDraft {
  return {
    id: row.id,
    productId: row.product_id,
    status: row.status,
    text: row.text,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    aiCallId: row.ai_call_id,
    requestedBy: row.requested_by,
    createdAt: row.created_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  };
}
