import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/** Where a cursor-paged list is: the cursor of the page shown (none on the first) and how to move. */
export interface CursorPages {
  /** The cursor to ask the API for (undefined: the first page). */
  readonly cursor: string | undefined;
  /** 1 on the first page. */
  readonly number: number;
  readonly previous: () => void;
  readonly next: (nextCursor: string) => void;
  /** Back to the first page (after a filter changed). */
  readonly reset: () => void;
}

/**
 * Paging through a list the API pages with `nextCursor` (the cursor of the page after this one,
 * null on the last): the cursors of the pages seen so far, so Previous goes back without the API
 * paging backwards.
 */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<readonly string[]>([]);
  return {
    cursor: cursors[cursors.length - 1],
    number: cursors.length + 1,
    previous: () => setCursors((all) => all.slice(0, -1)),
    next: (nextCursor) => setCursors((all) => [...all, nextCursor]),
    reset: () => setCursors([]),
  };
}

/** Previous page / Page n / Next page, for a list paged with `useCursorPages`. */
export function CursorPager({
  pages,
  nextCursor,
}: {
  readonly pages: CursorPages;
  readonly nextCursor: string | null | undefined;
}) {
  return (
    <Group>
      <Button variant="default" disabled={pages.number === 1} onClick={pages.previous}>
        Previous page
      </Button>
      <Text size="sm">Page {pages.number}</Text>
      <Button variant="default" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        Next page
      </Button>
    </Group>
  );
}
