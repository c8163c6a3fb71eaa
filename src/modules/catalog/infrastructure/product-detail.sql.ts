import { EntityManager } from 'typeorm';
import { isUuid } from '../../../platform/ids';
import { CategoryView, ProductVariantView, ProductView } from '../application/catalog-views';
import { ProductStatus } from '../domain/product';
import { queryRows } from '../../../platform/database';

const AT_UTC = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The product page's columns (the hot path: one round trip, aggregated as JSON); each is typed by `ProductView`. */
const DETAIL_COLUMNS = {
  id: 'p.id',
  slug: 'p.slug',
  title: 'p.title',
  description: 'p.description',
  images: 'p.images',
  status: 'p.status',
  taxCategory: 'p.tax_category',
  createdAt: AT_UTC('p.created_at'),
  updatedAt: AT_UTC('p.updated_at'),
  categories: `coalesce((SELECT json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', c.name) ORDER BY c.name)
                     FROM categories c WHERE c.id = ANY (p.category_ids)), '[]')`,
  variants: `coalesce((SELECT json_agg(json_build_object(
                     'id', v.id, 'sku', v.sku, 'title', v.title,
                     'price', json_build_object('amount', v.price_amount, 'currency', v.price_currency),
                     'weightGrams', v.weight_grams,
                     'available', greatest(v.on_hand - v.reserved, 0)) ORDER BY v.position)
                     FROM variants v WHERE v.product_id = p.id), '[]')`,
} as const satisfies Record<keyof ProductView, string>;

/** A row of the product page: each column named after the field it fills. */
interface DetailRow {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly images: string[];
  readonly status: ProductStatus;
  readonly taxCategory: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly categories: CategoryView[];
  readonly variants: ProductVariantView[];
}

const DETAIL = `SELECT ${Object.entries(DETAIL_COLUMNS)
  .map(([field, column]) => `${column} AS "${field}"`)
  .join(',\n       ')}
  FROM products p`;

/** The product page by id, and by slug (exported for the bare benchmark baseline). */
export const DETAIL_BY_ID_SQL = `${DETAIL} WHERE p.id = $1`;
export const DETAIL_BY_SLUG_SQL = `${DETAIL} WHERE p.slug = $1`;

/** The product page by id or slug, in one round trip (ProductRepository.detail). */
export async function readProductDetail(m: EntityManager, idOrSlug: string): Promise<ProductView | undefined> {
  const [row] = await queryRows<DetailRow>(m, isUuid(idOrSlug) ? DETAIL_BY_ID_SQL : DETAIL_BY_SLUG_SQL, [idOrSlug]);
  return row && toProductView(row);
}

function toProductView(row: DetailRow): ProductView {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    images: row.images,
    status: row.status,
    taxCategory: row.taxCategory,
    categories: row.categories,
    variants: row.variants,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
