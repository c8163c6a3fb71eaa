-- Database ceiling for a flash sale: every client takes units of one hot variant with an atomic
-- conditional UPDATE (no lock held across a round trip). Run: pgbench -n -f flash-sale.sql -D variant="'<uuid>'" (quoted: pgbench pastes it as is)
UPDATE catalog.variants SET reserved = reserved + 1, updated_at = now()
 WHERE id = :variant AND on_hand - reserved >= 1;
