import { AiDomainError } from '../ai-domain-error';
import { DEFAULT_TOOL_LIMITS, FeatureScopeDeclaration, initialGrants, nextGrants } from './feature-grants';
import { declarationProblems, FEATURE_SCOPE_DECLARATIONS } from './feature-scope-declarations';

describe('feature grants', () => {
  const assistant: FeatureScopeDeclaration = {
    feature: 'orders.order-assistant',
    audience: 'customer',
    scopes: ['catalog:read', 'orders:read:own'],
  };
  const none = initialGrants(assistant.feature);

  it('start with nothing granted (deny by default) and the default limits', () => {
    expect(none).toEqual({ feature: assistant.feature, version: 0, scopes: [], ...DEFAULT_TOOL_LIMITS });
  });

  it('grant and revoke declared scopes, sorted, and say when nothing changes', () => {
    const granted = nextGrants(assistant, none, { grant: ['orders:read:own', 'catalog:read', 'catalog:read'] })!;
    expect(granted.scopes).toEqual(['catalog:read', 'orders:read:own']);
    expect(nextGrants(assistant, granted, { grant: ['catalog:read'] })).toBeNull();
    expect(nextGrants(assistant, granted, { revoke: ['orders:read:own'] })!.scopes).toEqual(['catalog:read']);
    expect(nextGrants(assistant, granted, { limits: { maxRowsPerCall: 3 } })).toMatchObject({ maxRowsPerCall: 3 });
  });

  it('refuse an undeclared scope, a scope granted and revoked at once, and limits out of bounds', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof AiDomainError ? error.code : String(error);
      }
      return 'no error';
    };
    expect(codeOf(() => nextGrants(assistant, none, { grant: ['orders:read:any'] }))).toBe('scope-not-declared');
    expect(codeOf(() => nextGrants(assistant, none, { grant: ['catalog:read'], revoke: ['catalog:read'] }))).toBe(
      'scope-granted-and-revoked',
    );
    expect(codeOf(() => nextGrants(assistant, none, { grant: ['Catalog Read'] }))).toBe('malformed-scope');
    expect(codeOf(() => nextGrants(assistant, none, { limits: { maxToolCallsPerTurn: 0 } }))).toBe(
      'limit-out-of-bounds',
    );
    expect(codeOf(() => nextGrants(assistant, none, { limits: { maxRowsPerCall: 101 } }))).toBe('limit-out-of-bounds');
  });

  it('declarations: no customer-facing feature may ever hold an :any reach', () => {
    expect(declarationProblems(FEATURE_SCOPE_DECLARATIONS)).toEqual([]);
    expect(declarationProblems([{ ...assistant, scopes: ['orders:read:any'] }, assistant])).toEqual([
      'orders.order-assistant serves customers and may not declare orders:read:any',
      'orders.order-assistant is declared twice',
    ]);
  });
});
