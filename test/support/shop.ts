import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OutgoingHttpHeaders } from 'node:http';
import { bearer } from './auth';
import { Answer, Headers, Json, ShopSteps } from './shop-steps';

export type { Json } from './shop-steps';

/** ShopSteps injected into an app in this process (no sockets), with an admin token of its own. */
export class Shop extends ShopSteps<Answer & { headers: OutgoingHttpHeaders }> {
  constructor(readonly app: NestFastifyApplication) {
    super(20_000, 25);
  }

  readonly admin = () => bearer(this.app, ['admin']);

  async request(method: string, url: string, headers: Headers = {}, payload?: unknown) {
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return {
      status: response.statusCode,
      body: response.body ? (response.json() as Json) : {},
      headers: response.headers,
    };
  }

  createProduct(stock: number, price = 2500): Promise<{ productId: string; variantId: string }> {
    return this.productAs(this.admin(), stock, price);
  }

  /** A zone of `countries` with one enabled method (a flat EUR 4.90 unless `priceRules` say otherwise). */
  createShippingMethod(priceRules?: unknown[], countries?: string[], name?: string): Promise<string> {
    return this.shippingMethodAs(this.admin(), priceRules, countries, name);
  }
}
