import { Answer, Headers, Json, ShopSteps } from '../../support/shop-steps';

export type { Headers } from '../../support/shop-steps';

/** ShopSteps over real sockets, against one base URL (a monolith or a gateway in front of a split). */
export class HttpShop extends ShopSteps<Answer & { type: string | null }> {
  constructor(readonly baseUrl: string) {
    super(30_000, 50);
  }

  async request(method: string, path: string, headers: Headers = {}, body?: unknown) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: Json;
    try {
      parsed = text ? (JSON.parse(text) as Json) : {};
    } catch {
      parsed = { text };
    }
    return { status: response.status, body: parsed, type: response.headers.get('content-type') };
  }

  createProduct(admin: Headers, stock: number, price = 2500): Promise<{ productId: string; variantId: string }> {
    return this.productAs(admin, stock, price);
  }

  /** A zone of `countries` with one enabled method (a flat EUR 4.90 unless `priceRules` say otherwise). */
  createShippingMethod(admin: Headers, priceRules?: unknown[], countries?: string[], name?: string): Promise<string> {
    return this.shippingMethodAs(admin, priceRules, countries, name);
  }
}
