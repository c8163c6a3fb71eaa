/**
 * Vendure 3 for Arcade's benchmark: our own small configuration (Vendure's defaults otherwise) and
 * two modes, run by bench/peers/vendure/vendure-peer.ts as child processes:
 *
 *   node server.cjs populate <products.csv>   creates the schema (synchronize), the initial data
 *                                            (one country, one tax rate, one shipping method, the
 *                                            dummy payment handler settling at once) and imports
 *                                            the products CSV with Vendure's own importer; exits
 *   node server.cjs serve                    the default NestJS server (shop API at /shop-api)
 *
 * Environment: VENDURE_DATABASE_URL (a database the runner created, e.g.
 * postgres://postgres@127.0.0.1:5432/vendure_bench_1), VENDURE_PORT, VENDURE_DB_POOL (default 10,
 * the pool size of Arcade's bench).
 */
const {
  bootstrap,
  DefaultJobQueuePlugin,
  DefaultSearchPlugin,
  dummyPaymentHandler,
  LanguageCode,
} = require('@vendure/core');
const { URL } = require('node:url');

const mode = process.argv[2];
const port = Number(process.env.VENDURE_PORT ?? 3000);
const database = new URL(process.env.VENDURE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vendure');

/** @type {import('@vendure/core').VendureConfig} */
const config = {
  apiOptions: { hostname: '127.0.0.1', port, shopApiPath: 'shop-api', adminApiPath: 'admin-api' },
  authOptions: {
    // As in the configuration @vendure/create writes: bearer tokens for API clients, cookies for browsers.
    tokenMethod: ['bearer', 'cookie'],
    // Vendure refuses the default password in production mode; nothing here logs in as admin.
    superadminCredentials: { identifier: 'superadmin', password: require('node:crypto').randomUUID() },
    cookieOptions: { secret: 'bench-cookie-secret' },
  },
  dbConnectionOptions: {
    type: 'postgres',
    host: database.hostname,
    port: Number(database.port || 5432),
    username: decodeURIComponent(database.username),
    password: decodeURIComponent(database.password) || undefined,
    database: database.pathname.slice(1),
    schema: 'public',
    synchronize: mode === 'populate',
    logging: false,
    extra: { max: Number(process.env.VENDURE_DB_POOL ?? 10), application_name: 'vendure' },
  },
  paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
  // The plugins of a new Vendure project that serve the shop API (no admin UI, assets or email).
  plugins: [DefaultJobQueuePlugin, DefaultSearchPlugin.init({ bufferUpdates: false, indexStockStatus: true })],
};

/** @type {import('@vendure/core').InitialData} */
const initialData = {
  defaultLanguage: LanguageCode.en,
  defaultZone: 'Europe',
  countries: [{ name: 'Germany', code: 'DE', zone: 'Europe' }],
  taxRates: [{ name: 'Standard Tax', percentage: 19 }],
  shippingMethods: [{ name: 'Standard Shipping', price: 490 }],
  paymentMethods: [
    {
      name: 'Dummy Payment',
      handler: { code: dummyPaymentHandler.code, arguments: [{ name: 'automaticSettle', value: 'true' }] },
    },
  ],
  collections: [],
};

async function main() {
  if (mode === 'populate') {
    const { populate } = require('@vendure/core/cli');
    const app = await populate(() => bootstrap(config), initialData, process.argv[3]);
    await app.close();
    process.exit(0);
  } else if (mode === 'serve') {
    await bootstrap(config);
  } else {
    console.error('usage: node server.cjs populate <products.csv> | serve');
    process.exit(2);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
