import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer } from '../support/auth';

export interface CreatedProduct {
  id: string;
  slug: string;
  status: string;
  variants: {
    id: string;
    sku: string;
    title: string;
    price: { amount: number; currency: string };
    available: number;
  }[];
}

let counter = 0;

/** Creates a product through the admin API; `stock` and `price` apply to its single variant unless `variants` is given. */
export async function createProduct(
  app: NestFastifyApplication,
  init: { title?: string; description?: string; stock?: number; price?: number; [key: string]: unknown } = {},
): Promise<CreatedProduct> {
  counter += 1;
  const { stock = 10, price = 1000, title = `Product ${counter}`, description = 'A fine thing.', ...rest } = init;
  const res = await app.inject({
    method: 'POST',
    url: '/catalog/products',
    headers: bearer(app, ['admin']),
    payload: {
      title,
      description,
      variants: [
        { sku: `SKU-${process.pid}-${counter}`, title: 'Default', price: { amount: price, currency: 'EUR' }, stock },
      ],
      ...rest,
    },
  });
  if (res.statusCode !== 201) throw new Error(`createProduct: ${res.statusCode} ${res.body}`);
  return res.json<CreatedProduct>();
}
