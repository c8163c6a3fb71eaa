import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Page, ProblemException } from '../../../../platform/http';
import { slugify } from '../../domain/slug';
import { queryRows } from '../../infrastructure/sql';

export interface CategoryView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** Categories are few: listed whole, sorted by name. */
@Injectable()
export class Categories {
  constructor(@InjectDataSource('catalog') private readonly db: DataSource) {}

  async list(): Promise<Page<CategoryView>> {
    const items = await queryRows<CategoryView>(
      this.db.manager,
      `SELECT id, slug, name FROM categories ORDER BY name, id`,
    );
    return { items, nextCursor: null };
  }

  async create(input: { name: string; slug?: string }): Promise<CategoryView> {
    const [row] = await queryRows<CategoryView>(
      this.db.manager,
      `INSERT INTO categories (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING id, slug, name`,
      [uuidv7(), input.slug ?? slugify(input.name), input.name.trim()],
    );
    if (!row) throw ProblemException.conflict('slug-taken', 'A category with this slug already exists.');
    return row;
  }
}
