import { FeatureScopeDeclaration } from './feature-grants';

/**
 * The AI features that may use data tools, and the most each may be granted. A feature not listed
 * here can be granted nothing. An admin grants a subset (none at first: deny by default).
 * A customer-facing feature never declares an `:any` reach: it can only ever see its user's rows.
 */
export const FEATURE_SCOPE_DECLARATIONS: readonly FeatureScopeDeclaration[] = [
  { feature: 'catalog.description-drafts', audience: 'staff', scopes: ['catalog:read'] },
  { feature: 'payments.risk-explanations', audience: 'staff', scopes: ['payments:risk:read', 'orders:read:any'] },
  /** "Where is my order?" for a signed-in shopper (declared for the tool loop; its route is to come). */
  { feature: 'orders.order-assistant', audience: 'customer', scopes: ['catalog:read', 'orders:read:own'] },
];

/** The declaration of a feature, or undefined when it declares no data tools. */
export function featureScopeDeclaration(
  feature: string,
  declarations: readonly FeatureScopeDeclaration[] = FEATURE_SCOPE_DECLARATIONS,
): FeatureScopeDeclaration | undefined {
  return declarations.find((d) => d.feature === feature);
}

/** The problems of a set of declarations (a customer feature with an `:any` reach, a feature listed twice). */
export function declarationProblems(declarations: readonly FeatureScopeDeclaration[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of declarations) {
    if (seen.has(d.feature)) problems.push(`${d.feature} is declared twice`);
    seen.add(d.feature);
    for (const scope of d.scopes) {
      if (d.audience === 'customer' && scope.endsWith(':any')) {
        problems.push(`${d.feature} serves customers and may not declare ${scope}`);
      }
    }
  }
  return problems;
}
