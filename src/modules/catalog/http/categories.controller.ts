import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { ApiProblem, Page } from '../../../platform/http';
import { Categories, CategoryView } from '../application/categories/categories.use-case';
import { CategoryPage, CategoryResponse } from './catalog.response';
import { CreateCategoryDto } from './product.dto';

@ApiTags('catalog')
@Controller('catalog/categories')
export class CategoriesController {
  constructor(private readonly categories: Categories) {}

  @Get()
  @ApiOkResponse({ type: CategoryPage, description: 'Every category, by name (nextCursor is always null)' })
  list(): Promise<Page<CategoryView>> {
    return this.categories.list();
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CategoryResponse })
  @ApiProblem(409, 'slug-taken', 'A category with this slug exists')
  create(@Body() body: CreateCategoryDto): Promise<CategoryView> {
    return this.categories.create(body);
  }
}
