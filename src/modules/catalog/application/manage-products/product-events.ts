import { ProductPublished, ProductUpdated } from '../../contracts';
import { Product, Variant } from '../../domain/product';

/** `ProductPublished` for a product that became active, with its variants. */
export function productPublished(product: Product, variants: readonly Variant[]): ProductPublished {
  return new ProductPublished({
    productId: product.id,
    slug: product.slug,
    title: product.title,
    categoryIds: product.categoryIds,
    images: product.images,
    variants: variants.map((v) => ({
      variantId: v.id,
      sku: v.sku,
      title: v.title,
      price: { amount: v.price.amount, currency: v.price.currency },
      inStock: v.inStock,
    })),
  });
}

/** `ProductUpdated`; `previousPrices` holds the old price of each variant whose price changed. */
export function productUpdated(
  product: Product,
  variants: readonly Variant[],
  previousPrices: ReadonlyMap<string, { amount: number; currency: string }>,
): ProductUpdated {
  return new ProductUpdated({
    productId: product.id,
    slug: product.slug,
    title: product.title,
    images: product.images,
    status: product.status,
    categoryIds: product.categoryIds,
    taxCategory: product.taxCategory,
    variants: variants.map((v) => ({
      variantId: v.id,
      sku: v.sku,
      title: v.title,
      price: { amount: v.price.amount, currency: v.price.currency },
      previousPrice: previousPrices.get(v.id) ?? null,
    })),
  });
}
