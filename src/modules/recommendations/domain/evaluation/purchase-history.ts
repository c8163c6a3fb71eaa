/** One row of a purchase history: `user,order,product`. */
export interface PurchaseLine {
  readonly user: string;
  readonly order: string;
  readonly product: string;
}

/** An order as a basket of distinct products; `sequence` is its place in time (file order). */
export interface Basket {
  readonly user: string;
  readonly order: string;
  readonly sequence: number;
  readonly products: readonly string[];
}

/** Groups lines into baskets, in the order each order first appears (taken as time order). */
export function toBaskets(lines: Iterable<PurchaseLine>): Basket[] {
  const byOrder = new Map<string, { user: string; order: string; sequence: number; products: Set<string> }>();
  for (const line of lines) {
    let basket = byOrder.get(line.order);
    if (!basket) {
      basket = { user: line.user, order: line.order, sequence: byOrder.size, products: new Set() };
      byOrder.set(line.order, basket);
    }
    basket.products.add(line.product);
  }
  return [...byOrder.values()].map((b) => ({ ...b, products: [...b.products] }));
}

/** A user's last order held out for testing, and everything else kept for training. */
export interface LeaveLastOut {
  readonly training: readonly Basket[];
  readonly heldOut: readonly Basket[];
}

/** Holds out each user's last order, for users with at least two orders (one-order users only train). */
export function holdOutLastOrders(baskets: readonly Basket[]): LeaveLastOut {
  const last = new Map<string, Basket>();
  const count = new Map<string, number>();
  for (const b of baskets) {
    count.set(b.user, (count.get(b.user) ?? 0) + 1);
    const current = last.get(b.user);
    if (!current || b.sequence > current.sequence) last.set(b.user, b);
  }
  const heldOut = [...last.values()].filter((b) => (count.get(b.user) ?? 0) >= 2);
  const held = new Set(heldOut.map((b) => b.order));
  return { training: baskets.filter((b) => !held.has(b.order)), heldOut };
}
