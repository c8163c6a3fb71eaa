import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer } from '../support/auth';

export interface CreatedVariant {
  readonly id: string;
  readonly sku: string;
}

export interface CreatedProduct {
  readonly id: string;
  readonly variants: CreatedVariant[];
}

export interface CartBody {
  id: string;
  customerId: string | null;
  items: {
    id: string;
    variantId: string;
    productId: string;
    sku: string;
    title: string;
    quantity: number;
    unitPrice: { amount: number; currency: string };
    lineTotal: { amount: number; currency: string };
    priceChanged: boolean;
    previousUnitPrice?: { amount: number; currency: string };
  }[];
  totals: { subtotal: { amount: number; currency: string }; itemCount: number };
}

let seq = 0;

/** Creates a product through catalog's admin API (never its tables). */
export async function createProduct(
  app: NestFastifyApplication,
  variants: { price: number; stock: number; currency?: string }[],
  status?: 'draft' | 'active',
): Promise<CreatedProduct> {
  const n = ++seq;
  const res = await app.inject({
    method: 'POST',
    url: '/catalog/products',
    headers: bearer(app, ['admin']),
    payload: {
      title: `Product ${n} ${process.pid}`,
      description: 'A product for cart tests',
      ...(status ? { status } : {}),
      variants: variants.map((v, i) => ({
        sku: `P${n}-${process.pid}-${i}`,
        title: `V${i}`,
        price: { amount: v.price, currency: v.currency ?? 'EUR' },
        stock: v.stock,
      })),
    },
  });
  if (res.statusCode !== 201) throw new Error(`catalog refused the product: ${res.statusCode} ${res.body}`);
  return res.json<CreatedProduct>();
}

/** Polls until `check` holds (events are delivered asynchronously after commit). */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
