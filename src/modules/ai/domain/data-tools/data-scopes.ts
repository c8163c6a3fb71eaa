/**
 * The scope model of data tools (ADR 0117). A tool declares one scope, `<module>:<verb>[:<noun>]`
 * (`catalog:read`, `payments:risk:read`). A tool whose rows belong to customers declares the scope
 * without a reach and is granted with one: `orders:read:own` (the acting user's rows only) or
 * `orders:read:any` (every customer's rows). `any` includes `own`. Nothing else is implied: no
 * wildcard, no hierarchy (`payments:read` does not grant `payments:risk:read`).
 */
export interface ScopedTool {
  readonly scope: string;
  readonly rowsOwnedBy: 'none' | 'customer';
}

/** Whose rows a call may return: every row, the acting user's rows, or none at all (not granted). */
export type Reach = 'any' | 'own';

export const SCOPE_PATTERN = /^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*){1,3}$/;

/** The reach a feature's granted scopes give it on a tool, or null when they do not cover it. */
export function reachOf(granted: readonly string[], tool: ScopedTool): Reach | null {
  if (tool.rowsOwnedBy === 'none') return granted.includes(tool.scope) ? 'any' : null;
  if (granted.includes(`${tool.scope}:any`)) return 'any';
  if (granted.includes(`${tool.scope}:own`)) return 'own';
  return null;
}

/** The scopes that can be granted for a tool: its scope, or its two reaches when its rows are customers'. */
export function grantableScopes(tool: ScopedTool): string[] {
  return tool.rowsOwnedBy === 'none' ? [tool.scope] : [`${tool.scope}:own`, `${tool.scope}:any`];
}

/** Sorted, without duplicates: the one form scopes are stored and compared in. */
export function normaliseScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes)].sort();
}
