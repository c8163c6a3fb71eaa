import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, Page } from '../../../platform/http';
import { ProductSummary, ProductView } from '../application/catalog-views';
import { ListProductsUseCase } from '../application/list-products/list-products.use-case';
import { ViewProductUseCase } from '../application/view-product/view-product.use-case';
import { CreateProductUseCase } from '../application/manage-products/create-product.use-case';
import { EditProductUseCase } from '../application/manage-products/edit-product.use-case';
import { ArchiveProductUseCase } from '../application/manage-products/archive-product.use-case';
import { CreateProductDto, EditProductDto } from './product.dto';
import { ListProductsQueryDto } from './list-products.dto';
import { ProductResponse, ProductSummaryPage } from './catalog.response';

/** Products: the public list and page, and the admin's create, edit and archive. */
@ApiTags('catalog')
@Controller('catalog/products')
export class ProductsController {
  constructor(
    private readonly listProducts: ListProductsUseCase,
    private readonly viewProduct: ViewProductUseCase,
    private readonly createProduct: CreateProductUseCase,
    private readonly editProduct: EditProductUseCase,
    private readonly archiveProduct: ArchiveProductUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: ProductSummaryPage })
  @ApiProblem(403, 'forbidden', 'status draft or archived asked by someone other than an admin')
  list(
    @Query() query: ListProductsQueryDto,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<Page<ProductSummary>> {
    return this.listProducts.execute({ ...query, isAdmin: user?.roles.includes('admin') ?? false });
  }

  @Get(':idOrSlug')
  @ApiOkResponse({ type: ProductResponse, description: 'An active product (admins also see drafts and archived ones)' })
  view(@Param('idOrSlug') idOrSlug: string, @CurrentUser() user: AuthenticatedUser | undefined): Promise<ProductView> {
    return this.viewProduct.execute({ idOrSlug, isAdmin: user?.roles.includes('admin') ?? false });
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiProblem(409, 'sku-taken', 'A variant with this sku exists')
  @ApiProblem(409, 'slug-taken', 'A product with this slug exists')
  create(@Body() body: CreateProductDto): Promise<ProductView> {
    return this.createProduct.execute(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: ProductResponse })
  @ApiProblem(409, 'sku-taken', 'A variant with this sku exists')
  @ApiProblem(409, 'slug-taken', 'A product with this slug exists')
  edit(@IdParam() id: string, @Body() body: EditProductDto): Promise<ProductView> {
    return this.editProduct.execute({ ...body, id });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: 'Archived (hidden from the public; orders keep their lines)' })
  archive(@IdParam() id: string): Promise<void> {
    return this.archiveProduct.execute({ id });
  }
}
