import { EntityManager } from 'typeorm';
import { minorUnits } from '../../../platform/messaging';
import {
  ProductSort,
  ProductSearch,
  ProductSearchPage,
  SearchPosition,
} from '../application/list-products/product-search';
import { queryRows } from '../../../platform/database';
import type { ProductStatus } from '../domain/product';

/** A row of a search; it never leaves this file (searchProducts answers the module's own types). */
interface ProductSummaryRow {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly images: string[];
  readonly price_min: string | number;
  readonly currency: string;
  readonly in_stock: boolean;
  readonly rank: number | null;
}

/**
 * The status as a literal, never a parameter: the indexes are partial (`WHERE status = 'active'`)
 * and a generic plan with `status = $1` could not use them. Admins' draft and archived lists scan.
 */
const STATUS_CONDITION: Readonly<Record<ProductStatus, string>> = {
  active: `p.status = 'active'`,
  draft: `p.status = 'draft'`,
  archived: `p.status = 'archived'`,
};

const IN_STOCK = `EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.on_hand > v.reserved)`;

/**
 * One SQL statement per page: products of one status (active for the public), full-text match through the GIN index,
 * filters, and a keyset condition on the sort key plus id (so pages neither repeat nor skip when
 * rows are added or removed). Fetches `limit + 1` rows to know whether a next page exists.
 */
export async function searchProducts(m: EntityManager, search: ProductSearch): Promise<ProductSearchPage> {
  const params: unknown[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const where = [STATUS_CONDITION[search.status]];
  let rank = 'NULL::real';
  if (search.q !== undefined) {
    const query = `websearch_to_tsquery('english', ${param(search.q)})`;
    where.push(`p.search @@ ${query}`);
    rank = `ts_rank(p.search, ${query})`;
  }
  if (search.categoryId !== undefined) where.push(`p.category_ids @> ARRAY[${param(search.categoryId)}::uuid]`);
  if (search.minPrice !== undefined) where.push(`p.price_min >= ${param(search.minPrice)}`);
  if (search.maxPrice !== undefined) where.push(`p.price_min <= ${param(search.maxPrice)}`);
  if (search.inStock === true) where.push(IN_STOCK);
  if (search.inStock === false) where.push(`NOT ${IN_STOCK}`);
  const after = search.after;
  let order: string;
  let outerOrder: string;
  switch (search.sort) {
    case 'relevance':
      order = `${rank} DESC, p.id`;
      outerOrder = 'p.rank DESC, p.id';
      if (after?.s === 'relevance') {
        const r = param(after.r);
        where.push(`(${rank} < ${r}::real OR (${rank} = ${r}::real AND p.id > ${param(after.id)}::uuid))`);
      }
      break;
    case 'price':
      order = 'p.price_min, p.id';
      outerOrder = order;
      if (after?.s === 'price') where.push(`(p.price_min, p.id) > (${param(after.p)}, ${param(after.id)}::uuid)`);
      break;
    case '-price':
      order = 'p.price_min DESC, p.id DESC';
      outerOrder = order;
      if (after?.s === '-price') where.push(`(p.price_min, p.id) < (${param(after.p)}, ${param(after.id)}::uuid)`);
      break;
    case 'newest':
      order = 'p.id DESC';
      outerOrder = order;
      if (after?.s === 'newest') where.push(`p.id < ${param(after.id)}::uuid`);
      break;
  }
  // The in-stock flag of the page is computed on the page only (an outer query): in the select
  // list of the filtered query the planner may turn it into a hashed scan of every variant.
  const rows = await queryRows<ProductSummaryRow>(
    m,
    `SELECT p.*, ${IN_STOCK} AS in_stock
       FROM (SELECT p.id, p.slug, p.title, p.images, p.price_min, p.currency, ${rank} AS rank
               FROM products p
              WHERE ${where.join(' AND ')}
              ORDER BY ${order}
              LIMIT ${param(search.limit + 1)}) p
      ORDER BY ${outerOrder}`,
    params,
  );
  const page = rows.slice(0, search.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      images: row.images,
      price: { amount: minorUnits(row.price_min), currency: row.currency },
      inStock: row.in_stock,
    })),
    next: rows.length > search.limit ? positionOf(page[page.length - 1], search.sort) : undefined,
  };
}

/** The keyset position of a row, in the order of `sort`. */
function positionOf(row: ProductSummaryRow, sort: ProductSort): SearchPosition {
  if (sort === 'relevance') return { s: sort, r: row.rank ?? 0, id: row.id };
  if (sort === 'price' || sort === '-price') return { s: sort, p: minorUnits(row.price_min), id: row.id };
  return { s: sort, id: row.id };
}
