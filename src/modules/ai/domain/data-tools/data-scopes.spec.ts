import { grantableScopes, reachOf } from './data-scopes';

describe('data scopes', () => {
  const catalog = { scope: 'catalog:read', rowsOwnedBy: 'none' as const };
  const orders = { scope: 'orders:read', rowsOwnedBy: 'customer' as const };
  const risk = { scope: 'payments:risk:read', rowsOwnedBy: 'none' as const };

  it('reach a tool whose rows belong to no one with its exact scope only', () => {
    expect(reachOf(['catalog:read'], catalog)).toBe('any');
    expect(reachOf(['catalog:write', 'catalog'], catalog)).toBeNull();
    expect(reachOf(['payments:read'], risk)).toBeNull();
    expect(reachOf(['payments:risk:read'], risk)).toBe('any');
  });

  it('reach customers’ rows with :own or :any, :any winning, and never with the bare scope', () => {
    expect(reachOf(['orders:read:own'], orders)).toBe('own');
    expect(reachOf(['orders:read:any'], orders)).toBe('any');
    expect(reachOf(['orders:read:own', 'orders:read:any'], orders)).toBe('any');
    expect(reachOf(['orders:read'], orders)).toBeNull();
    expect(reachOf([], orders)).toBeNull();
  });

  it('list what can be granted for a tool', () => {
    expect(grantableScopes(catalog)).toEqual(['catalog:read']);
    expect(grantableScopes(orders)).toEqual(['orders:read:own', 'orders:read:any']);
  });
});
