import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recommendations read model. Raw facts (`purchase`, `cart_add`, and the catalog facts on
 * `product`) are what the module learned from events; everything else is derived from them and can
 * be rebuilt (`npm run recs:rebuild`).
 */
export class CreateRecommendationReadModel1764800000000 implements MigrationInterface {
  name = 'CreateRecommendationReadModel1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE product (
        product_id uuid PRIMARY KEY,
        status text CHECK (status IN ('draft', 'active', 'archived')),
        in_stock boolean NOT NULL DEFAULT true,
        available boolean GENERATED ALWAYS AS (coalesce(status, 'active') = 'active' AND in_stock) STORED,
        occurrences double precision NOT NULL DEFAULT 0,
        popularity double precision NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(
      `COMMENT ON COLUMN product.occurrences IS 'Weighted number of baskets (orders, carts) holding the product'`,
    );
    await queryRunner.query(
      `COMMENT ON COLUMN product.popularity IS 'Sum of signal weights scaled by 2^((t - epoch) / half-life): ranks like a decayed count'`,
    );
    await queryRunner.query(
      `CREATE INDEX product_popular_idx ON product (popularity DESC, product_id) WHERE available AND popularity > 0`,
    );
    await queryRunner.query(`
      CREATE TABLE variant_stock (
        variant_id uuid PRIMARY KEY,
        product_id uuid NOT NULL,
        in_stock boolean NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX variant_stock_product_idx ON variant_stock (product_id)`);
    await queryRunner.query(`
      CREATE TABLE purchase (
        order_id uuid NOT NULL,
        product_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        purchased_at timestamptz NOT NULL,
        PRIMARY KEY (order_id, product_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE cart_add (
        cart_id uuid NOT NULL,
        product_id uuid NOT NULL,
        customer_id uuid,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (cart_id, product_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE co_occurrence (
        product_id uuid NOT NULL,
        other_id uuid NOT NULL,
        weight double precision NOT NULL,
        PRIMARY KEY (product_id, other_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE neighbour (
        product_id uuid NOT NULL,
        neighbour_id uuid NOT NULL,
        score double precision NOT NULL,
        PRIMARY KEY (product_id, neighbour_id)
      )`);
    await queryRunner.query(`CREATE INDEX neighbour_ranked_idx ON neighbour (product_id, score DESC, neighbour_id)`);
    await queryRunner.query(`
      CREATE TABLE user_product (
        customer_id uuid NOT NULL,
        product_id uuid NOT NULL,
        purchases integer NOT NULL DEFAULT 0,
        cart_adds integer NOT NULL DEFAULT 0,
        last_at timestamptz NOT NULL,
        PRIMARY KEY (customer_id, product_id)
      )`);
    await queryRunner.query(`CREATE INDEX user_product_recent_idx ON user_product (customer_id, last_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'user_product',
      'neighbour',
      'co_occurrence',
      'cart_add',
      'purchase',
      'variant_stock',
      'product',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
