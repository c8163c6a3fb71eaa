/**
 * Helpers for a repository's typed column list: an object mapping each field of the module's own
 * type to its column, declared `satisfies Record<keyof T, string>`, so that a field added to `T`
 * is a compile error until its column is mapped (docs/writing-a-module.md, "Persistence").
 */
export type ColumnList<K extends string> = Readonly<Record<K, string>>;

/** `a, b, c`: the columns of the list in its key order, for a SELECT or an INSERT. */
export function columnsOf(columns: ColumnList<string>, alias?: string): string {
  return Object.values(columns)
    .map((column) => (alias ? `${alias}.${column}` : column))
    .join(', ');
}

/** `$first, $first+1, …`: one placeholder per column of the list. */
export function placeholdersFor(columns: ColumnList<string>, first = 1): string {
  return Object.keys(columns)
    .map((_, i) => `$${first + i}`)
    .join(', ');
}

/** The record's values in the list's key order, matching {@link columnsOf} and {@link placeholdersFor}. */
export function valuesFor<K extends string>(columns: ColumnList<K>, record: Readonly<Record<K, unknown>>): unknown[] {
  return (Object.keys(columns) as K[]).map((key) => record[key]);
}
