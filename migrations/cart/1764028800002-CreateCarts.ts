import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCarts1764028800002 implements MigrationInterface {
  name = 'CreateCarts1764028800002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "cart".carts (
        id          uuid        PRIMARY KEY,
        customer_id uuid,
        status      text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'checked_out')),
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL
      )`);
    // One open cart per customer: POST /carts and a claim find it instead of making a second.
    await queryRunner.query(
      `CREATE UNIQUE INDEX carts_open_customer_uq ON "cart".carts (customer_id) WHERE status = 'open' AND customer_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX carts_guest_updated_idx ON "cart".carts (updated_at) WHERE customer_id IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "cart".cart_lines (
        id                     uuid        PRIMARY KEY,
        cart_id                uuid        NOT NULL REFERENCES "cart".carts (id) ON DELETE CASCADE,
        variant_id             uuid        NOT NULL,
        product_id             uuid        NOT NULL,
        sku                    text        NOT NULL,
        title                  text        NOT NULL,
        quantity               integer     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
        unit_price_amount      bigint      NOT NULL CHECK (unit_price_amount >= 0),
        unit_price_currency    char(3)     NOT NULL,
        accepted_price_amount  bigint      NOT NULL,
        accepted_price_currency char(3)    NOT NULL,
        price_checked_at       timestamptz NOT NULL,
        added_at               timestamptz NOT NULL,
        UNIQUE (cart_id, variant_id)
      )`);
    await queryRunner.query(`CREATE INDEX cart_lines_variant_idx ON "cart".cart_lines (variant_id)`);
    await queryRunner.query(`
      CREATE TABLE "cart".cart_checkouts (
        order_id       uuid        PRIMARY KEY,
        cart_id        uuid        NOT NULL,
        checked_out_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cart".cart_checkouts`);
    await queryRunner.query(`DROP TABLE "cart".cart_lines`);
    await queryRunner.query(`DROP TABLE "cart".carts`);
  }
}
