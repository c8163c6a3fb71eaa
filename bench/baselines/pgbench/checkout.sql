-- Database ceiling for checkout: one transaction that reserves stock, writes the order and the
-- payment row (what the bare checkout route does). :variant is a variant with ample stock.
-- Run: pgbench -n -f checkout.sql -D variant="'<uuid>'" (quoted: pgbench pastes it as is)
BEGIN;
UPDATE catalog.variants SET reserved = reserved + 1, updated_at = now()
 WHERE id = :variant AND on_hand - reserved >= 1;
INSERT INTO bench_bare.orders (id, customer_id, status, total, lines)
VALUES (gen_random_uuid(), gen_random_uuid(), 'confirmed', 2500, '[{"quantity": 1}]');
INSERT INTO bench_bare.payments (id, order_id, amount, status)
VALUES (gen_random_uuid(), gen_random_uuid(), 2500, 'captured');
COMMIT;
