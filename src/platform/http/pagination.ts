import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';

/** A page of a keyset-paginated list, the shape of every list in the API. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; pass it back as `cursor` for the next page. Null on the last page. */
  readonly nextCursor: string | null;
}

/** Encodes a keyset position (e.g. `{ price: 1999, id: '…' }`) as an opaque URL-safe cursor. */
export function encodeCursor(position: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor}, checking it has exactly the expected keys with
 * values of the expected types; anything else is a 400, never a 500.
 */
export function decodeCursor<K extends string>(
  cursor: string,
  shape: Readonly<Record<K, 'string' | 'number' | 'string|null' | 'number|null'>>,
): Record<K, string | number | null> {
  const invalid = (): ProblemException =>
    ProblemException.validation([
      new FieldError('cursor', 'cursor is malformed; use the nextCursor of a previous page'),
    ]);
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw invalid();
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const record = parsed as Record<string, unknown>;
  const keys = Object.keys(shape) as K[];
  if (Object.keys(record).length !== keys.length) throw invalid();
  for (const key of keys) {
    const value = record[key];
    const allowed = shape[key].split('|');
    const kind = value === null ? 'null' : typeof value;
    if (!allowed.includes(kind) || (kind === 'number' && !Number.isFinite(value))) throw invalid();
  }
  return record as Record<K, string | number | null>;
}
