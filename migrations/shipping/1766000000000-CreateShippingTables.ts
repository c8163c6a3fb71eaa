import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shipping's tables (docs/modules/shipping.md, ADR 0106): zones and their methods (one price rule per
 * currency, as JSON checked by the domain), the orders it fulfils (what `OrderConfirmed` said, or a
 * tombstone when `OrderCancelled` came first), their shipments with the newest carrier mark, the
 * receipts of carrier webhooks (one row per event id: duplicates are harmless), and the sandbox
 * carrier's parcels and outgoing events.
 */
export class CreateShippingTables1766000000000 implements MigrationInterface {
  name = 'CreateShippingTables1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE zones (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        countries text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX zones_countries_idx ON zones USING gin (countries)`);
    await queryRunner.query(`
      CREATE TABLE methods (
        id uuid PRIMARY KEY,
        zone_id uuid NOT NULL REFERENCES zones (id),
        name text NOT NULL,
        enabled boolean NOT NULL,
        price_rules jsonb NOT NULL,
        min_days integer NOT NULL,
        max_days integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX methods_zone_idx ON methods (zone_id)`);
    await queryRunner.query(`
      CREATE TABLE fulfilment_orders (
        order_id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        lines jsonb NOT NULL,
        fulfilment text CHECK (fulfilment IN ('partially_shipped', 'shipped', 'delivered')),
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `COMMENT ON COLUMN fulfilment_orders.lines IS 'The ordered lines [{lineNo, variantId, quantity}]; empty for a tombstone (cancelled before confirmed)'`,
    );
    await queryRunner.query(`
      CREATE TABLE shipments (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES fulfilment_orders (order_id),
        status text NOT NULL
          CHECK (status IN ('pending', 'packed', 'dispatched', 'in_transit', 'exception', 'delivered', 'cancelled')),
        lines jsonb NOT NULL,
        address jsonb,
        method jsonb,
        carrier text,
        tracking_number text,
        exception_reason text,
        last_tracking_occurred_at bigint,
        last_tracking_sequence bigint,
        last_tracking_rank smallint,
        packed_at timestamptz,
        dispatched_at timestamptz,
        delivered_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX shipments_status_idx ON shipments (status, id)`);
    await queryRunner.query(`CREATE INDEX shipments_order_idx ON shipments (order_id, id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX shipments_tracking_idx ON shipments (carrier, tracking_number) WHERE tracking_number IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE tracking_receipts (
        carrier text NOT NULL,
        event_id text NOT NULL,
        shipment_id uuid,
        outcome text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (carrier, event_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE sandbox_parcels (
        tracking_number text PRIMARY KEY,
        shipment_id uuid NOT NULL,
        last_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE sandbox_events (
        id uuid PRIMARY KEY,
        tracking_number text NOT NULL REFERENCES sandbox_parcels (tracking_number),
        body jsonb NOT NULL,
        delivered boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX sandbox_events_pending_idx ON sandbox_events (created_at) WHERE NOT delivered`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'sandbox_events',
      'sandbox_parcels',
      'tracking_receipts',
      'shipments',
      'fulfilment_orders',
      'methods',
      'zones',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
