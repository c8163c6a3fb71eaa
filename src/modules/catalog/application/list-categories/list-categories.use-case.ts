import { Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { CategoryRepository } from '../../infrastructure/category.repository';
import { CategoryView } from '../catalog-views';

/** `GET /catalog/categories`: categories are few, so they are listed whole, sorted by name. */
@Injectable()
export class ListCategoriesUseCase {
  constructor(private readonly categories: CategoryRepository) {}

  /** Every category, in one page (`nextCursor` is always null). */
  async execute(): Promise<Page<CategoryView>> {
    return { items: await this.categories.list(), nextCursor: null };
  }
}
