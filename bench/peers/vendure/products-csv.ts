import { DEMO_CATEGORIES, demoProduct } from '../../../src/modules/catalog/infrastructure/seed/demo-catalog';

/** The SKU of the one product with 1,000,000 units that checkout buys. */
export const CHECKOUT_SKU = 'BENCH-CHECKOUT-1';

const HEADER = [
  'name',
  'slug',
  'description',
  'assets',
  'facets',
  'optionGroups',
  'optionValues',
  'sku',
  'price',
  'taxCategory',
  'stockOnHand',
  'trackInventory',
  'variantAssets',
  'variantFacets',
];

const quote = (value: string | number): string => `"${String(value).replace(/"/g, '""')}"`;

/**
 * Arcade's demo catalog (products 0 to `count` - 1, as the Arcade bench seeds them) in the CSV
 * format of Vendure's importer: one row per variant, the product's columns on its first row only,
 * the variant titles as the values of one option group when a product has several, the category
 * as a facet, prices in major units (the importer stores minor units), no images (Arcade's are
 * URLs; the importer would fetch them). Plus one product with {@link CHECKOUT_SKU} and 1,000,000
 * units for checkout, as the Arcade side creates one.
 */
export function vendureProductsCsv(count: number): string {
  const lines = [HEADER.join(',')];
  const row = (cells: (string | number)[]) => lines.push(cells.map(quote).join(','));
  for (let i = 0; i < count; i++) {
    const p = demoProduct(i);
    const options = p.variants.length > 1;
    p.variants.forEach((v, n) => {
      const product =
        n === 0
          ? [
              p.title,
              p.slug,
              p.description,
              '',
              `category:${DEMO_CATEGORIES[p.categoryIndex].name}`,
              options ? 'option' : '',
            ]
          : ['', '', '', '', '', ''];
      row([
        ...product,
        options ? v.title : '',
        v.sku,
        (v.amount / 100).toFixed(2),
        'standard',
        v.onHand,
        'true',
        '',
        '',
      ]);
    });
  }
  row([
    'Bench checkout product',
    'bench-checkout-product',
    'Bought by the checkout runs',
    '',
    '',
    '',
    '',
    CHECKOUT_SKU,
    '25.00',
    'standard',
    1_000_000,
    'true',
    '',
    '',
  ]);
  return lines.join('\n') + '\n';
}
