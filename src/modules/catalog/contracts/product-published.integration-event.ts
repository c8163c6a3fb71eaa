import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';

export interface ProductPublishedPayload {
  readonly productId: string;
  readonly slug: string;
  readonly title: string;
  readonly categoryIds: readonly string[];
  readonly variants: readonly {
    readonly variantId: string;
    readonly sku: string;
    readonly title: string;
    readonly price: Money;
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
      variants: [
        {
          variantId: '0190a000-0000-7000-8000-000000000002',
          sku: 'TEE-M',
          title: 'M',
          price: { amount: 1999, currency: 'EUR' },
        },
      ],
    }),
)
export class ProductPublished extends IntegrationEvent<ProductPublishedPayload> {}
