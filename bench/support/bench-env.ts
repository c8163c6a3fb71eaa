/** Settings every Arcade process of a benchmark run shares (the runner signs tokens with them). */
export const BENCH_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  MAIL_DEV_MAILBOX: 'enabled',
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
  // Checkout is measured against the sandbox processor, which production runs only when asked to.
  PAYMENTS_SANDBOX: 'enabled',
  SANDBOX_WEBHOOK_SECRET: 'bench-sandbox-webhook-secret-0123456789abcdef',
};
