import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, Page } from '../../../platform/http';
import { ProductView } from '../infrastructure/product.repository';
import { ListProducts, ProductSummary } from '../application/list-products/list-products.use-case';
import { ViewProduct } from '../application/view-product/view-product.use-case';
import { CreateProduct } from '../application/manage-products/create-product.use-case';
import { EditProduct } from '../application/manage-products/edit-product.use-case';
import { ArchiveProduct } from '../application/manage-products/archive-product.use-case';
import { CreateProductDto, EditProductDto } from './product.dto';
import { ListProductsQuery } from './list-products.query';
import { ProductResponse, ProductSummaryPage } from './catalog.response';

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
  @ApiOkResponse({ type: ProductSummaryPage })
  list(@Query() query: ListProductsQuery): Promise<Page<ProductSummary>> {
    return this.listProducts.list(query);
  }

  @Get(':idOrSlug')
  @ApiOkResponse({ type: ProductResponse, description: 'An active product (admins also see drafts and archived ones)' })
  view(@Param('idOrSlug') idOrSlug: string, @CurrentUser() user: AuthenticatedUser | undefined): Promise<ProductView> {
    return this.viewProduct.view(idOrSlug, user?.roles.includes('admin') ?? false);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiProblem(409, 'sku-taken', 'A variant with this sku exists')
  @ApiProblem(409, 'slug-taken', 'A product with this slug exists')
  create(@Body() body: CreateProductDto): Promise<ProductView> {
    return this.createProduct.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: ProductResponse })
  @ApiProblem(409, 'sku-taken', 'A variant with this sku exists')
  @ApiProblem(409, 'slug-taken', 'A product with this slug exists')
  edit(@IdParam() id: string, @Body() body: EditProductDto): Promise<ProductView> {
    return this.editProduct.edit(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: 'Archived (hidden from the public; orders keep their lines)' })
  archive(@IdParam() id: string): Promise<void> {
    return this.archiveProduct.archive(id);
  }
}
