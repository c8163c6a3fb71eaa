import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem, Page } from '../../../platform/http';
import { CategoryView } from '../application/catalog-views';
import { CreateCategoryUseCase } from '../application/create-category/create-category.use-case';
import { ListCategoriesUseCase } from '../application/list-categories/list-categories.use-case';
import { CategoryPage, CategoryResponse } from './catalog.response';
import { CreateCategoryDto } from './product.dto';

/** Categories: listed by anyone, created by admins. */
@ApiTags('catalog')
@Controller('catalog/categories')
export class CategoriesController {
  constructor(
    private readonly listCategories: ListCategoriesUseCase,
    private readonly createCategory: CreateCategoryUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: CategoryPage, description: 'Every category, by name (nextCursor is always null)' })
  list(): Promise<Page<CategoryView>> {
    return this.listCategories.execute();
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CategoryResponse })
  @ApiProblem(409, 'slug-taken', 'A category with this slug exists')
  create(@Body() body: CreateCategoryDto): Promise<CategoryView> {
    return this.createCategory.execute(body);
  }
}
