import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments (one per order, with its risk assessment), refunds and webhook receipts, plus the
 * sandbox processor's own ledger (`sandbox_*`): it stands in for an external card processor and
 * never reads or writes Arcade's tables. No card data anywhere: provider references and last4 only.
 */
export class CreatePaymentsTables1764028800100 implements MigrationInterface {
  name = 'CreatePaymentsTables1764028800100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL UNIQUE,
        customer_id uuid NOT NULL,
        amount integer NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        captured_amount integer NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
        refunded_amount integer NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= captured_amount),
        provider text NOT NULL,
        provider_ref text,
        last4 char(4),
        status text NOT NULL CHECK (status IN
          ('pending', 'authorized', 'declined', 'captured', 'partially_refunded', 'refunded', 'voided', 'expired')),
        decline_reason text,
        shipping_country char(2) NOT NULL,
        risk_score integer NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
        risk_decision text NOT NULL CHECK (risk_decision IN ('allow', 'review', 'block')),
        risk_reasons text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX payments_customer_recent_idx ON payments (customer_id, created_at)`);
    await queryRunner.query(`CREATE UNIQUE INDEX payments_provider_ref_idx ON payments (provider, provider_ref)`);
    await queryRunner.query(`
      CREATE TABLE refunds (
        id uuid PRIMARY KEY,
        payment_id uuid NOT NULL REFERENCES payments (id),
        request_key text NOT NULL,
        amount integer NOT NULL CHECK (amount > 0),
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
        provider_ref text,
        failure_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (payment_id, request_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_receipts (
        provider text NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        payment_id uuid,
        outcome text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider, event_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE sandbox_requests (
        idempotency_key text PRIMARY KEY,
        operation text NOT NULL,
        attempts integer NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE sandbox_charges (
        id text PRIMARY KEY,
        merchant_ref text NOT NULL,
        amount integer NOT NULL,
        currency char(3) NOT NULL,
        status text NOT NULL CHECK (status IN ('authorized', 'captured', 'voided', 'expired')),
        captured_amount integer NOT NULL DEFAULT 0,
        refunded_amount integer NOT NULL DEFAULT 0,
        last4 char(4) NOT NULL,
        authorized_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX sandbox_charges_expiry_idx ON sandbox_charges (expires_at) WHERE status = 'authorized'`,
    );
    await queryRunner.query(`
      CREATE TABLE sandbox_webhook_events (
        id text PRIMARY KEY,
        body jsonb NOT NULL,
        delivered boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX sandbox_webhook_events_pending_idx ON sandbox_webhook_events (created_at) WHERE NOT delivered`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'sandbox_webhook_events',
      'sandbox_charges',
      'sandbox_requests',
      'webhook_receipts',
      'refunds',
      'payments',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
