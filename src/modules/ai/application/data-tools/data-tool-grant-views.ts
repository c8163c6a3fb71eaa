import { FeatureGrantVersion, ToolLimits } from '../../domain/data-tools/feature-grants';

/** A data tool as the admin views show it (what the model sees, and what it needs). */
export interface DataToolView {
  readonly name: string;
  readonly description: string;
  readonly owner: string;
  readonly queryType: string;
  readonly scope: string;
  readonly rowsOwnedBy: 'none' | 'customer';
  /** The scopes that reach it: its scope, or `<scope>:own` and `<scope>:any`. */
  readonly grantableScopes: readonly string[];
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly fields: readonly string[];
}

/** A feature's data-tool access: what it declares, what it holds now, and every change. */
export interface FeatureGrantsView extends ToolLimits {
  readonly feature: string;
  readonly audience: 'customer' | 'staff';
  /** The most it may be granted. */
  readonly declaredScopes: readonly string[];
  /** Granted now (0 = never granted anything: deny by default). */
  readonly version: number;
  readonly scopes: readonly string[];
  /** The tools its grants reach. */
  readonly tools: readonly string[];
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  /** Every version, newest first (only on the single-feature view). */
  readonly history?: readonly FeatureGrantVersion[];
}
