import { AiDomainError } from '../ai-domain-error';
import { normaliseScopes, SCOPE_PATTERN } from './data-scopes';

/** What an AI feature says about itself for data tools: who it serves and the scopes it may ever hold. */
export interface FeatureScopeDeclaration {
  readonly feature: string;
  /** `customer`: it acts for a signed-in shopper; `staff`: for an admin. */
  readonly audience: 'customer' | 'staff';
  /** The most it may be granted; an admin grants a subset. */
  readonly scopes: readonly string[];
}

/** Tool-loop limits of a feature. */
export interface ToolLimits {
  /** Tool calls the model may make in one turn; the rest are refused (`refused_limit`). */
  readonly maxToolCallsPerTurn: number;
  /** Rows one tool call returns at most (the owner is asked for no more; extra rows are cut). */
  readonly maxRowsPerCall: number;
}

export const DEFAULT_TOOL_LIMITS: ToolLimits = { maxToolCallsPerTurn: 5, maxRowsPerCall: 20 };
export const TOOL_LIMIT_BOUNDS = { maxToolCallsPerTurn: [1, 20], maxRowsPerCall: [1, 100] } as const;

/** One version of a feature's grants. Versions are immutable; the current grants are the highest version. */
export interface FeatureGrantVersion extends ToolLimits {
  readonly feature: string;
  /** 1, 2, 3… per feature. */
  readonly version: number;
  /** Sorted, no duplicates. */
  readonly scopes: readonly string[];
  readonly changedBy: string;
  readonly changedAt: string;
  readonly reason: string;
}

/** What an admin changes: scopes to add, scopes to take away, and optionally the limits. */
export interface GrantChange {
  readonly grant?: readonly string[];
  readonly revoke?: readonly string[];
  readonly limits?: Partial<ToolLimits>;
}

/** The grants a feature holds before any admin grant: none (deny by default), default limits. */
export function initialGrants(
  feature: string,
): Pick<FeatureGrantVersion, 'feature' | 'version' | 'scopes'> & ToolLimits {
  return { feature, version: 0, scopes: [], ...DEFAULT_TOOL_LIMITS };
}

/**
 * The next scopes and limits after `change`, or null when nothing would change (a retry is a no-op,
 * no new version). Refuses a scope the feature does not declare and limits out of bounds.
 */
export function nextGrants(
  declaration: FeatureScopeDeclaration,
  current: { readonly scopes: readonly string[] } & ToolLimits,
  change: GrantChange,
): ({ scopes: string[] } & ToolLimits) | null {
  const asked = [...(change.grant ?? []), ...(change.revoke ?? [])];
  const malformed = asked.filter((s) => !SCOPE_PATTERN.test(s));
  if (malformed.length) throw new AiDomainError('malformed-scope', 'Not a scope.', { scopes: malformed });
  const undeclared = (change.grant ?? []).filter((s) => !declaration.scopes.includes(s));
  if (undeclared.length) {
    throw new AiDomainError('scope-not-declared', `${declaration.feature} does not declare these scopes.`, {
      scopes: undeclared,
      declared: declaration.scopes,
    });
  }
  const both = (change.grant ?? []).filter((s) => (change.revoke ?? []).includes(s));
  if (both.length)
    throw new AiDomainError('scope-granted-and-revoked', 'A scope cannot be granted and revoked at once.', {
      scopes: both,
    });
  const limits: ToolLimits = { ...pickLimits(current), ...definedLimits(change.limits) };
  for (const key of Object.keys(TOOL_LIMIT_BOUNDS) as (keyof ToolLimits)[]) {
    const [min, max] = TOOL_LIMIT_BOUNDS[key];
    if (!Number.isInteger(limits[key]) || limits[key] < min || limits[key] > max) {
      throw new AiDomainError('limit-out-of-bounds', `${key} must be an integer from ${min} to ${max}.`, {
        [key]: limits[key],
      });
    }
  }
  const scopes = normaliseScopes(
    [...current.scopes, ...(change.grant ?? [])].filter((s) => !(change.revoke ?? []).includes(s)),
  );
  const same =
    scopes.join(' ') === normaliseScopes(current.scopes).join(' ') &&
    limits.maxToolCallsPerTurn === current.maxToolCallsPerTurn &&
    limits.maxRowsPerCall === current.maxRowsPerCall;
  return same ? null : { scopes, ...limits };
}

function pickLimits(limits: ToolLimits): ToolLimits {
  return { maxToolCallsPerTurn: limits.maxToolCallsPerTurn, maxRowsPerCall: limits.maxRowsPerCall };
}

function definedLimits(limits: Partial<ToolLimits> | undefined): Partial<ToolLimits> {
  return Object.fromEntries(Object.entries(limits ?? {}).filter(([, v]) => v !== undefined)) as Partial<ToolLimits>;
}
