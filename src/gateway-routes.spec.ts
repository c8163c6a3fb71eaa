import { createApp } from './create-app';
import { gatewayRoutes } from './gateway-routes';
import { ConfigError, loadConfig } from './platform/config';

const JWT_SECRET = 'a-secret-shared-by-every-process-0123';
const routes = (value: string, hosted: string[]) =>
  gatewayRoutes(loadConfig({ GATEWAY_ROUTES: value, JWT_SECRET }), hosted);

/** Runs `resolve` and returns the ConfigError it throws. */
function configError(resolve: () => unknown): ConfigError {
  try {
    resolve();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('GATEWAY_ROUTES, resolved by the composition root', () => {
  it('routes every URL prefix of each named module (from its descriptor)', () => {
    expect(routes('cart=http://cart:3000,payments=http://payments:3000', ['orders'])).toEqual([
      { prefix: 'carts', upstream: 'http://cart:3000' },
      { prefix: 'payments', upstream: 'http://payments:3000' },
    ]);
  });

  it('stops start-up with one line for a name that is a URL prefix, not a module', () => {
    const error = configError(() => routes('carts=http://cart:3000', ['orders']));
    expect(error.variable).toBe('GATEWAY_ROUTES');
    expect(error.message).toBe(
      'Invalid configuration: GATEWAY_ROUTES names an unknown module "carts" ("carts" is the URL prefix of cart: ' +
        'route cart=…; known: accounts, catalog, cart, orders, payments, recommendations, notifications, shipping, promotions, tax, ai)',
    );
  });

  it('stops start-up for an unknown name and for a module this process hosts itself', () => {
    expect(configError(() => routes('reviews=http://r:3000', [])).message).toMatch(
      /^Invalid configuration: GATEWAY_ROUTES names an unknown module "reviews" \(known: accounts, /,
    );
    expect(configError(() => routes('constructor=http://r:3000', [])).message).toContain('unknown module');
    expect(configError(() => routes('cart=http://cart:3000', ['cart', 'orders'])).message).toBe(
      'Invalid configuration: GATEWAY_ROUTES routes cart to http://cart:3000, but this process hosts cart too (leave it out of MODULES)',
    );
  });

  it('stops createApp (npm start) before it opens anything', async () => {
    const config = loadConfig({ GATEWAY_ROUTES: 'carts=http://cart:3000', MODULES: 'orders', JWT_SECRET });
    await expect(createApp(config)).rejects.toThrow(
      /^Invalid configuration: GATEWAY_ROUTES names an unknown module "carts"/,
    );
  });
});
