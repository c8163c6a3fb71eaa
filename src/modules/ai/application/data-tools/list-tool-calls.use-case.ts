import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, Page } from '../../../../platform/http';
import { ToolCallRecord } from '../../domain/data-tools/tool-call-record';
import { ToolCallVerdict } from '../../domain/data-tools/tool-call-verdict';
import { ToolCallAuditRepository } from '../../infrastructure/tool-call-audit.repository';

/** Which audit lines: filters and a page. */
export interface ListToolCallsInput {
  readonly limit: number;
  readonly cursor?: string;
  readonly feature?: string;
  readonly tool?: string;
  readonly verdict?: ToolCallVerdict;
  readonly actorUserId?: string;
  readonly correlationId?: string;
}

/** The tool audit, newest first, keyset-paginated on (at, id). */
@Injectable()
export class ListToolCallsUseCase {
  constructor(private readonly audit: ToolCallAuditRepository) {}

  async execute({ cursor, ...filter }: ListToolCallsInput): Promise<Page<ToolCallRecord>> {
    const after = cursor ? decodeCursor(cursor, { at: 'timestamp', id: 'uuid' }) : undefined;
    const rows = await this.audit.page({
      ...filter,
      after: after && { at: String(after.at), id: String(after.id) },
    });
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor: rows.length > filter.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
    };
  }
}
