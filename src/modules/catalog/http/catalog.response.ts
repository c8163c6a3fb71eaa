import type { VariantReservationView, VariantStockView } from '../application/view-stock/view-variant-stock.use-case';
import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse, PageOf } from '../../../platform/http';
import type { CategoryView, ProductSummary, ProductVariantView, ProductView } from '../application/catalog-views';
import type { ProductStatus } from '../domain/product';
import type { StockLevel } from '../domain/stock';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

// The controllers answer with the use cases' views as they are; these classes only document them.
// Each `implements` the view it documents, so a field added to a view is a compile error here
// until the OpenAPI document shows it too.

export class CategoryResponse implements CategoryView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly id: string;
  @ApiProperty({ example: 't-shirts' }) readonly slug: string;
  @ApiProperty({ example: 'T-shirts' }) readonly name: string;
}

export const CategoryPage = PageOf(CategoryResponse);

export class VariantResponse implements ProductVariantView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly id: string;
  @ApiProperty({ example: 'TEE-M' }) readonly sku: string;
  @ApiProperty({ example: 'Medium' }) readonly title: string;
  @ApiProperty({ type: MoneyResponse }) readonly price: MoneyResponse;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 180,
    description: 'Weight of one unit in whole grams; null when not given',
  })
  readonly weightGrams: number | null;
  @ApiProperty({ example: 12, description: 'Units that can be bought now (on hand minus reserved)' })
  readonly available: number;
}

export class ProductResponse implements ProductView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly id: string;
  @ApiProperty({ example: 'organic-cotton-tee' }) readonly slug: string;
  @ApiProperty({ example: 'Organic cotton tee' }) readonly title: string;
  @ApiProperty({ example: 'A soft tee of organic cotton.' }) readonly description: string;
  @ApiProperty({ type: [String], example: ['https://cdn.example.com/tee.jpg'] }) readonly images: string[];
  @ApiProperty({ enum: ['draft', 'active', 'archived'], example: 'active' }) readonly status: ProductStatus;
  @ApiProperty({ type: String, nullable: true, example: 'reduced', description: 'Null: standard' })
  readonly taxCategory: string | null;
  @ApiProperty({ type: [CategoryResponse] }) readonly categories: CategoryResponse[];
  @ApiProperty({ type: [VariantResponse] }) readonly variants: VariantResponse[];
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt: string;
}

/** A product in a list: what a product card needs. */
export class ProductSummaryResponse implements ProductSummary {
  @ApiProperty({ format: 'uuid', example: ID }) readonly id: string;
  @ApiProperty({ example: 'organic-cotton-tee' }) readonly slug: string;
  @ApiProperty({ example: 'Organic cotton tee' }) readonly title: string;
  @ApiProperty({ type: [String], example: ['https://cdn.example.com/tee.jpg'] }) readonly images: string[];
  @ApiProperty({ type: MoneyResponse, description: 'The lowest price of its variants' }) readonly price: MoneyResponse;
  @ApiProperty({ example: true }) readonly inStock: boolean;
}

export const ProductSummaryPage = PageOf(ProductSummaryResponse);

export class StockLevelResponse implements StockLevel {
  @ApiProperty({ example: 25 }) readonly onHand: number;
  @ApiProperty({ example: 3, description: 'Held by orders being checked out' }) readonly reserved: number;
  @ApiProperty({ example: 22 }) readonly available: number;
}

export class VariantReservationResponse implements VariantReservationView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly orderId: string;
  @ApiProperty({ example: 2 }) readonly quantity: number;
  @ApiProperty({ format: 'date-time' }) readonly reservedAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the hold is released unless the order commits it first',
  })
  readonly expiresAt: string | null;
}

/** A variant's stock and the orders holding its units. */
export class VariantStockResponse implements VariantStockView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly variantId: string;
  @ApiProperty({ format: 'uuid', example: ID }) readonly productId: string;
  @ApiProperty({ example: 'TEE-M' }) readonly sku: string;
  @ApiProperty({ example: 25 }) readonly onHand: number;
  @ApiProperty({ example: 3, description: 'Held by orders being checked out' }) readonly reserved: number;
  @ApiProperty({ example: 22, description: 'onHand − reserved' }) readonly available: number;
  @ApiProperty({ type: [VariantReservationResponse], description: 'Oldest first, at most 100' })
  readonly reservations: VariantReservationResponse[];
}
