import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Promotions' tables (docs/modules/promotions.md, ADR 0107, ADR 0112): the promotions with their
 * redemption counter (`redeemed`, raised by one conditional UPDATE per redemption, so a limit holds
 * under any concurrency), the per-customer counters (one row per promotion and customer, raised by one
 * conditional upsert), and one redemption record per order (the idempotency key of RedeemPromotion
 * and of its compensation), and the read model of customers' orders (for `firstOrderOnly`).
 */
export class CreatePromotionsTables1767000000000 implements MigrationInterface {
  name = 'CreatePromotionsTables1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE promotions (
        id uuid PRIMARY KEY,
        code text,
        benefit jsonb NOT NULL,
        minimum_subtotal jsonb,
        scope jsonb,
        first_order_only boolean NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz,
        max_redemptions integer CHECK (max_redemptions > 0),
        max_per_customer integer CHECK (max_per_customer > 0),
        redeemed integer NOT NULL DEFAULT 0 CHECK (redeemed >= 0),
        disabled boolean NOT NULL,
        combinable boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX promotions_code_idx ON promotions (code) WHERE code IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX promotions_automatic_idx ON promotions (id) WHERE code IS NULL AND NOT disabled`,
    );
    await queryRunner.query(`
      CREATE TABLE customer_redemptions (
        promotion_id uuid NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
        customer_id uuid NOT NULL,
        redeemed integer NOT NULL CHECK (redeemed >= 0),
        PRIMARY KEY (promotion_id, customer_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE order_redemptions (
        order_id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('redeemed', 'rejected', 'released')),
        promotion_ids uuid[] NOT NULL,
        discount jsonb,
        refusal jsonb,
        release_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        released_at timestamptz
      )`);
    await queryRunner.query(
      `COMMENT ON COLUMN order_redemptions.promotion_ids IS 'The promotions counted for the order (empty for a rejection or a release that came first)'`,
    );
    await queryRunner.query(
      `CREATE INDEX order_redemptions_promotions_idx ON order_redemptions USING gin (promotion_ids)`,
    );
    await queryRunner.query(`CREATE INDEX order_redemptions_customer_idx ON order_redemptions (customer_id)`);
    await queryRunner.query(`
      CREATE TABLE customer_orders (
        order_id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        cancelled boolean NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `COMMENT ON TABLE customer_orders IS 'Read model of orders'' OrderPlaced and OrderCancelled (inbox): who has an earlier order, for firstOrderOnly (ADR 0112)'`,
    );
    await queryRunner.query(`CREATE INDEX customer_orders_customer_idx ON customer_orders (customer_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['customer_orders', 'order_redemptions', 'customer_redemptions', 'promotions']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
