import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { IdParam, Page } from '../../../platform/http';
import { ProductView } from '../infrastructure/product.repository';
import { ListProducts, ProductSummary } from '../application/list-products/list-products.use-case';
import { ViewProduct } from '../application/view-product/view-product.use-case';
import { CreateProduct } from '../application/manage-products/create-product.use-case';
import { EditProduct } from '../application/manage-products/edit-product.use-case';
import { ArchiveProduct } from '../application/manage-products/archive-product.use-case';
import { CreateProductDto, EditProductDto } from './product.dto';
import { ListProductsQuery } from './list-products.query';

@ApiTags('catalog')
@Controller('catalog/products')
export class ProductsController {
  constructor(
    private readonly listProducts: ListProducts,
    private readonly viewProduct: ViewProduct,
    private readonly createProduct: CreateProduct,
    private readonly editProduct: EditProduct,
    private readonly archiveProduct: ArchiveProduct,
  ) {}

  @Get()
  list(@Query() query: ListProductsQuery): Promise<Page<ProductSummary>> {
    return this.listProducts.list(query);
  }

  @Get(':idOrSlug')
  view(@Param('idOrSlug') idOrSlug: string, @CurrentUser() user: AuthenticatedUser | undefined): Promise<ProductView> {
    return this.viewProduct.view(idOrSlug, user?.roles.includes('admin') ?? false);
  }

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  create(@Body() body: CreateProductDto): Promise<ProductView> {
    return this.createProduct.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiBearerAuth()
  edit(@IdParam() id: string, @Body() body: EditProductDto): Promise<ProductView> {
    return this.editProduct.edit(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiBearerAuth()
  archive(@IdParam() id: string): Promise<void> {
    return this.archiveProduct.archive(id);
  }
}
