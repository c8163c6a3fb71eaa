import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';

export interface ProductUpdatedPayload {
  readonly productId: string;
  /** Absent in events published before 0.2, like `images`. */
  readonly slug?: string;
  readonly title: string;
  readonly images?: readonly string[];
  readonly status: 'draft' | 'active' | 'archived';
  /** The product's category ids (a promotion's scope). Absent in events published before issue 19. */
  readonly categoryIds?: readonly string[];
  /** The product's tax category; null: `standard`. Absent in events published before issue 19. */
  readonly taxCategory?: string | null;
  readonly variants: readonly {
    readonly variantId: string;
    readonly sku: string;
    readonly title: string;
    readonly price: Money;
    readonly previousPrice: Money | null;
  }[];
}

/** A product changed: title, slug, images, status (archived products cannot be bought) or variant prices. `previousPrice` is set on variants whose price changed. */
@IntegrationEventContract(
  'catalog.ProductUpdated.v1',
  () =>
    new ProductUpdated({
      productId: '0190a000-0000-7000-8000-000000000001',
      slug: 'tee',
      title: 'Tee',
      images: ['https://example.com/tee.jpg'],
      status: 'active',
      variants: [
        {
          variantId: '0190a000-0000-7000-8000-000000000002',
          sku: 'TEE-M',
          title: 'M',
          price: { amount: 1999, currency: 'EUR' },
          previousPrice: null,
        },
      ],
    }),
  { key: (e) => e.payload.productId },
)
export class ProductUpdated extends IntegrationEvent<ProductUpdatedPayload> {}
