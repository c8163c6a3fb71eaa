import { decodeCursor, encodeCursor, Page } from '../../../platform/http';

/** Default page size of shipping's lists. */
export const DEFAULT_PAGE_SIZE = 50;

/** The position after which a page starts: the id in a cursor made by {@link pageOf}, or none. */
export function afterIdOf(cursor: string | undefined): string | null {
  return cursor === undefined ? null : (decodeCursor(cursor, { id: 'uuid' }).id as string);
}

/** A page from `limit + 1` rows read in id order: the extra row says there is a next page. */
export function pageOf<T extends { readonly id: string }>(rows: readonly T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return {
    items,
    nextCursor: rows.length > limit ? encodeCursor({ id: items[items.length - 1].id }) : null,
  };
}
