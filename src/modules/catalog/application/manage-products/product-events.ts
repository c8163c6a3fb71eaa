import { ProductPublished, ProductUpdated } from '../../contracts';
import { ProductRow, VariantRow } from '../../infrastructure/product.repository';

export function productPublished(product: ProductRow, variants: readonly VariantRow[]): ProductPublished {
  return new ProductPublished({
    productId: product.id,
    slug: product.slug,
    title: product.title,
    categoryIds: product.category_ids,
    images: product.images,
    variants: variants.map((v) => ({
      variantId: v.id,
      sku: v.sku,
      title: v.title,
      price: { amount: v.price_amount, currency: v.price_currency },
      inStock: v.in_stock,
    })),
  });
}

/** `previousPrices` holds the old price of each variant whose price changed. */
export function productUpdated(
  product: ProductRow,
  variants: readonly VariantRow[],
  previousPrices: ReadonlyMap<string, { amount: number; currency: string }>,
): ProductUpdated {
  return new ProductUpdated({
    productId: product.id,
    slug: product.slug,
    title: product.title,
    images: product.images,
    status: product.status,
    variants: variants.map((v) => ({
      variantId: v.id,
      sku: v.sku,
      title: v.title,
      price: { amount: v.price_amount, currency: v.price_currency },
      previousPrice: previousPrices.get(v.id) ?? null,
    })),
  });
}
