import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataToolResult } from '../../../../platform/messaging';
import { GetProductFacts, ProductFactsRow } from '../../contracts';
import { ProductRepository } from '../../infrastructure/product.repository';

/** The `catalog_product_facts` data tool: the product page's facts, drafts included, without images or ids of variants. */
@QueryHandler(GetProductFacts)
export class GetProductFactsHandler implements IQueryHandler<GetProductFacts> {
  constructor(private readonly products: ProductRepository) {}

  async execute(query: GetProductFacts): Promise<DataToolResult<ProductFactsRow>> {
    const product = typeof query.args?.product === 'string' ? query.args.product : '';
    const view = product.length > 0 && product.length <= 100 ? await this.products.detail(product) : undefined;
    if (!view || query.limit < 1) return { rows: [], truncated: false };
    const row: ProductFactsRow = {
      productId: view.id,
      slug: view.slug,
      title: view.title,
      description: view.description,
      status: view.status,
      categories: view.categories.map((c) => c.name),
      variants: view.variants.map((v) => ({
        sku: v.sku,
        title: v.title,
        price: v.price,
        weightGrams: v.weightGrams,
        available: v.available,
      })),
    };
    return { rows: [row], truncated: false };
  }
}
