import { isUuid } from '../ids';
import { findUnsafeInput } from './input-guard';
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
 * What a cursor field may hold. `number` is finite and within ±2^53, `integer` a safe integer,
 * `real` a number a PostgreSQL `real` holds (neither overflowing nor underflowing it), `uuid` a
 * canonical UUID, `timestamp` an ISO 8601 UTC instant as `Date#toISOString` writes it, of a real
 * calendar day in the years 1–9999 (what PostgreSQL's timestamptz reads back; `Date.parse` also
 * takes February 30 and year 0); `…|null` also allows null. Strings never hold NUL or lone surrogates. A decoded cursor is client
 * input, so each field is checked to the type its SQL parameter is cast to.
 */
export type CursorField = 'string' | 'number' | 'integer' | 'real' | 'uuid' | 'timestamp';
export type CursorFieldKind = CursorField | `${CursorField}|null`;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const FIELD_CHECKS: Readonly<Record<CursorField, (value: unknown) => boolean>> = {
  string: (value) => typeof value === 'string' && findUnsafeInput(value) === undefined,
  number: (value) => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER,
  integer: (value) => Number.isSafeInteger(value),
  real: (value) =>
    typeof value === 'number' && Number.isFinite(Math.fround(value)) && (value === 0 || Math.fround(value) !== 0),
  uuid: isUuid,
  timestamp: isCalendarInstant,
};

/** `2026-02-30T…` and `…T24:00:00Z` parse, rolled over; an instant written back differently was not one. */
function isCalendarInstant(value: unknown): boolean {
  if (typeof value !== 'string' || !TIMESTAMP.test(value)) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const written = new Date(time).toISOString();
  return written.slice(0, 19) === value.slice(0, 19) && written >= '0001-01-01';
}

/**
 * Decodes a cursor made by {@link encodeCursor}, checking it has exactly the expected keys with
 * values of the expected kinds; anything else is a 400 naming `cursor`, never a 500.
 */
export function decodeCursor<K extends string>(
  cursor: string,
  shape: Readonly<Record<K, CursorFieldKind>>,
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
    const [kind, nullable] = shape[key].split('|') as [CursorField, string | undefined];
    const value = record[key];
    if (value === null ? nullable === undefined : !FIELD_CHECKS[kind](value)) throw invalid();
  }
  return record as Record<K, string | number | null>;
}
