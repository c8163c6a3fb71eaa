import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, Page } from '../../../../platform/http';
import { normalizePromotionCode } from '../../domain/promotion';
import { PromotionRepository } from '../../infrastructure/promotion.repository';
import { PromotionView, promotionView } from './promotion-view';

export interface ListPromotionsInput {
  readonly limit?: number;
  readonly cursor?: string;
  /** Only the promotion with this code (case-insensitive). */
  readonly code?: string;
}

const DEFAULT_PAGE_SIZE = 50;

/** `GET /promotions`: every promotion, oldest first, keyset-paginated. */
@Injectable()
export class ListPromotionsUseCase {
  constructor(private readonly promotions: PromotionRepository) {}

  async execute(input: ListPromotionsInput): Promise<Page<PromotionView>> {
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    const after = input.cursor === undefined ? null : (decodeCursor(input.cursor, { id: 'uuid' }).id as string);
    const code = input.code === undefined ? null : normalizePromotionCode(input.code);
    // A string that cannot be a code names no promotion.
    if (input.code !== undefined && code === null) return { items: [], nextCursor: null };
    const rows = await this.promotions.page(limit + 1, after, code);
    const items = rows.slice(0, limit).map(promotionView);
    return { items, nextCursor: rows.length > limit ? encodeCursor({ id: items[items.length - 1].id }) : null };
  }
}
