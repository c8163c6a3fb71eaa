import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Products, variants (with their stock level), categories and stock reservations. Stock lives on
 * the variant row so that a reservation is one atomic conditional UPDATE (see ADR 0101); the
 * CHECK constraints are the last line of defence against overselling.
 */
export class CreateCatalogTables1764028800100 implements MigrationInterface {
  name = 'CreateCatalogTables1764028800100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        images text[] NOT NULL DEFAULT '{}',
        category_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
        price_min integer NOT NULL CHECK (price_min >= 0),
        currency char(3) NOT NULL,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Every public list reads active products only, so the indexes are partial.
    await queryRunner.query(`CREATE INDEX products_search_idx ON products USING gin (search) WHERE status = 'active'`);
    await queryRunner.query(
      `CREATE INDEX products_categories_idx ON products USING gin (category_ids) WHERE status = 'active'`,
    );
    await queryRunner.query(
      // Ids are UUIDv7, so id order is creation order: "newest" pages by id alone.
      `CREATE INDEX products_newest_idx ON products (id) WHERE status = 'active'`,
    );
    await queryRunner.query(`CREATE INDEX products_price_idx ON products (price_min, id) WHERE status = 'active'`);
    await queryRunner.query(`
      CREATE TABLE variants (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL REFERENCES products (id),
        sku text NOT NULL UNIQUE,
        title text NOT NULL,
        position integer NOT NULL,
        price_amount integer NOT NULL CHECK (price_amount >= 0),
        price_currency char(3) NOT NULL,
        on_hand integer NOT NULL CHECK (on_hand >= 0),
        reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX variants_product_idx ON variants (product_id, position)`);
    await queryRunner.query(`
      CREATE TABLE reservations (
        order_id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('pending', 'reserved', 'rejected', 'committed', 'released', 'restocked')),
        problems jsonb,
        reason text,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX reservations_expiry_idx ON reservations (expires_at) WHERE status = 'reserved'`,
    );
    await queryRunner.query(`
      CREATE TABLE reservation_lines (
        order_id uuid NOT NULL REFERENCES reservations (order_id),
        variant_id uuid NOT NULL REFERENCES variants (id),
        product_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (order_id, variant_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reservation_lines`);
    await queryRunner.query(`DROP TABLE reservations`);
    await queryRunner.query(`DROP TABLE variants`);
    await queryRunner.query(`DROP TABLE products`);
    await queryRunner.query(`DROP TABLE categories`);
  }
}
