import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';

export interface ProductPublishedPayload {
  readonly productId: string;
  readonly slug: string;
  readonly title: string;
  readonly categoryIds: readonly string[];
  /** Image URLs, the first one the product's main image (absent in events published before 0.2). */
  readonly images?: readonly string[];
  readonly variants: readonly {
    readonly variantId: string;
    readonly sku: string;
    readonly title: string;
    readonly price: Money;
    /** Whether units are available to buy now (absent in events published before 0.2). */
    readonly inStock?: boolean;
  }[];
}

/** A product became active (buyable) for the first time or again. */
@IntegrationEventContract(
  'catalog.ProductPublished.v1',
  () =>
    new ProductPublished({
      productId: '0190a000-0000-7000-8000-000000000001',
      slug: 'tee',
      title: 'Tee',
      categoryIds: [],
      images: ['https://example.com/tee.jpg'],
      variants: [
        {
          variantId: '0190a000-0000-7000-8000-000000000002',
          sku: 'TEE-M',
          title: 'M',
          price: { amount: 1999, currency: 'EUR' },
          inStock: true,
        },
      ],
    }),
  { key: (e) => e.payload.productId },
)
export class ProductPublished extends IntegrationEvent<ProductPublishedPayload> {}
