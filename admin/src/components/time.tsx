/** An ISO 8601 instant in the user's locale and time zone, as a <time> element; a dash for null. */
export function Time({ iso }: { readonly iso: string | null | undefined }) {
  if (!iso) return <>—</>;
  return <time dateTime={iso}>{formatTime(iso)}</time>;
}

/** An ISO 8601 instant as the user's locale writes a date and time (seconds included). */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
