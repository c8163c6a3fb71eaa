import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, Page, ProblemException } from '../../../../platform/http';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { CallLogReader, CallFilter, CallView, VersionStats } from '../../infrastructure/call-log.reader';

export type { CallFilter, CallView, VersionStats };

/** The admin's reads of the unified call log. */
@Injectable()
export class CallViews {
  constructor(
    private readonly reader: CallLogReader,
    @Inject(AI_CONFIG) private readonly config: AiConfig,
  ) {}

  async list(filter: CallFilter, limit: number | undefined, cursor: string | undefined): Promise<Page<CallView>> {
    const size = Math.min(limit ?? 50, this.config.maxPageSize);
    const before = cursor === undefined ? null : decodeCursor(cursor, { at: 'timestamp', id: 'uuid' });
    const rows = await this.reader.page(filter, size + 1, before && { at: String(before.at), id: String(before.id) });
    const items = rows.slice(0, size);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > size ? encodeCursor({ at: last.startedAt.toISOString(), id: last.id }) : null,
    };
  }

  async one(id: string): Promise<CallView> {
    const call = await this.reader.one(id);
    if (!call) throw ProblemException.notFound('AI call');
    return call;
  }

  stats(promptName: string, from: Date | null, to: Date | null): Promise<VersionStats[]> {
    return this.reader.stats(promptName, from, to);
  }
}
