/**
 * One line naming a caught value for a log or a stored `last_error`: `Name: message` for an
 * Error, the value as a string otherwise.
 */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The message of a caught value (no class name): for a detail shown to a person. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
