import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { slugify } from '../../domain/slug';
import { CategoryRepository } from '../../infrastructure/category.repository';
import { CategoryView } from '../catalog-views';

/** What `POST /catalog/categories` needs. */
export interface CreateCategoryInput {
  readonly name: string;
  /** Made from the name when left out. */
  readonly slug?: string;
}

/** Creates a category; a taken slug is a 409 `slug-taken`. */
@Injectable()
export class CreateCategoryUseCase {
  constructor(private readonly categories: CategoryRepository) {}

  /** The new category. */
  async execute(input: CreateCategoryInput): Promise<CategoryView> {
    const created = await this.categories.insert({
      id: uuidv7(),
      slug: input.slug ?? slugify(input.name),
      name: input.name.trim(),
    });
    if (!created) throw ProblemException.conflict('slug-taken', 'A category with this slug already exists.');
    return created;
  }
}
