import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { isUuid } from '../../../platform/ids';
import { CategoryView } from '../application/catalog-views';
import { queryRows } from '../../../platform/database';

/** The columns of a category, typed by `CategoryView`: a field added there is a compile error here until mapped. */
const CATEGORY_COLUMNS = { id: 'id', slug: 'slug', name: 'name' } as const satisfies Record<keyof CategoryView, string>;
const SELECT = Object.values(CATEGORY_COLUMNS).join(', ');

/** A row of `categories` as CATEGORY_COLUMNS reads it. */
type CategoryRow = { readonly [K in keyof CategoryView as (typeof CATEGORY_COLUMNS)[K]]: CategoryView[K] };

/** Catalog's categories (few: listed whole). */
@Injectable()
export class CategoryRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Every category, by name. */
  async list(): Promise<CategoryView[]> {
    const rows = await queryRows<CategoryRow>(this.uow.reader, `SELECT ${SELECT} FROM categories ORDER BY name, id`);
    return rows.map(toCategory);
  }

  /** Inserts a category; undefined when its slug is taken (nothing written). */
  async insert(category: CategoryView): Promise<CategoryView | undefined> {
    const [row] = await queryRows<CategoryRow>(
      this.uow.reader,
      `INSERT INTO categories (${SELECT}) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING ${SELECT}`,
      [category.id, category.slug, category.name],
    );
    return row && toCategory(row);
  }

  /** Which of the given category ids exist. */
  async existing(tx: Transaction, ids: readonly string[]): Promise<Set<string>> {
    const rows = await queryRows<{ id: string }>(tx.manager, `SELECT id FROM categories WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    return new Set(rows.map((r) => r.id));
  }

  /** The id of the category with this id or slug, outside any transaction. */
  async idOf(idOrSlug: string): Promise<string | undefined> {
    const [row] = await queryRows<{ id: string }>(
      this.uow.reader,
      isUuid(idOrSlug) ? `SELECT id FROM categories WHERE id = $1` : `SELECT id FROM categories WHERE slug = $1`,
      [idOrSlug],
    );
    return row?.id;
  }
}

function toCategory(row: CategoryRow): CategoryView {
  return { id: row.id, slug: row.slug, name: row.name };
}
