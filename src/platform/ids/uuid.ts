const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` is a UUID in its canonical 8-4-4-4-12 hex form (any version, any case). Check an
 * id with it before it reaches PostgreSQL, where a malformed `uuid` is an error, not a miss.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
