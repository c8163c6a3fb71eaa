/** An ISO 8601 instant in the reader's locale and time zone, machine-readable in `dateTime`. */
export function LocalTime({ iso }: { readonly iso: string }) {
  return <time dateTime={iso}>{new Date(iso).toLocaleString()}</time>;
}
