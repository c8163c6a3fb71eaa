import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { Page } from '../../../platform/http';
import { Categories, CategoryView } from '../application/categories/categories.use-case';
import { CreateCategoryDto } from './product.dto';

@ApiTags('catalog')
@Controller('catalog/categories')
export class CategoriesController {
  constructor(private readonly categories: Categories) {}

  @Get()
  list(): Promise<Page<CategoryView>> {
    return this.categories.list();
  }

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  create(@Body() body: CreateCategoryDto): Promise<CategoryView> {
    return this.categories.create(body);
  }
}
