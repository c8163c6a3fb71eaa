/**
 * A peer in the benchmark: another e-commerce backend measured side by side with Arcade on the
 * same machine and PostgreSQL (`npm run bench -- --peer vendure`). Each peer lives in
 * bench/peers/<name>/ with its own package.json (never in Arcade's lockfile); Arcade itself is
 * measured through the same interface ({@link ArcadePeer}), so the runner treats both alike.
 */

/**
 * One shopper operation: resolves when the peer answered it as a success, rejects otherwise (a
 * GraphQL error in a 200 answer is a failure too). Rejects with {@link OutOfWork} when the
 * prepared carts are used up: the runner then stops that buyer instead of counting errors.
 */
export type Operation = () => Promise<void>;

/** Thrown by an {@link Operation} whose prepared input (ready carts) is used up. */
export class OutOfWork extends Error {
  constructor() {
    super('out of prepared carts');
  }
}

export interface Peer {
  /** Short name for the table ("Arcade", "Vendure 3.7"). */
  readonly name: string;
  /** Installs the peer's own packages when they are missing (idempotent, may take minutes). */
  install(): Promise<void>;
  /**
   * Creates the peer's database and populates the same catalog as Arcade's bench (`products`
   * demo products of Arcade's demo catalog, same titles, slugs, variants, prices in minor units
   * and stock) plus one product with 1,000,000 units for checkout, then runs `VACUUM ANALYZE`
   * (the bench's PostgreSQL runs with autovacuum off: a catalog without statistics is planned
   * badly). Called before {@link start}: a peer may need its server down to import.
   */
  seed(products: number): Promise<void>;
  /** Starts the server (after {@link seed}); resolves once it answers. */
  start(): Promise<void>;
  /** Product detail by slug (product, variants, prices, stock), cycling over random products. */
  productDetail(): Promise<Operation>;
  /**
   * Add to cart (one unit of a random variant with stock) over `carts` guest carts that each hold
   * one line already, so that carts grow alike on both sides.
   */
  addToCart(carts: number): Promise<Operation>;
  /**
   * Checkout from a ready cart (one line, a customer, a shipping method chosen) to paid: the
   * address and the payment, until the order is paid (Vendure: `PaymentSettled`; Arcade:
   * `confirmed`, after capture). Prepares `carts` ready carts; each is checked out once.
   */
  checkout(carts: number): Promise<Operation>;
  /**
   * Waits after a measured run until the work its operations left behind is done (Arcade: its
   * outboxes and the sandboxes' webhooks), so that it counts in that run's CPU and statements and
   * not in the next run's; resolves with a note for the log. A peer without one leaves the
   * measurement at the last answer.
   */
  settle?(): Promise<string>;
  /**
   * The processes whose CPU counts as the server's (read from /proc), and whose statements and
   * transactions are counted (each started with `-r` bench/support/count-statements.cjs and
   * `countStatementsEnv()`; a process without them is reported without counts).
   */
  serverPids(): number[];
  /** The database whose PostgreSQL backends' CPU counts as the peer's PostgreSQL CPU. */
  databaseName(): string;
  /** Stops what {@link start} started and drops what {@link seed} created (unless kept). */
  stop(keep: boolean): Promise<void>;
}
