import { type Money, type Page, request } from '../../api';

/** A product in GET /catalog/products. */
export interface ProductSummary {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  /** The lowest price of its variants. */
  readonly price: Money;
  readonly inStock: boolean;
}

export interface ProductVariant {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly price: Money;
  readonly weightGrams: number | null;
  readonly available: number;
}

/** GET /catalog/products/{id}: admins see drafts and archived products too. */
export interface Product {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly status: 'draft' | 'active' | 'archived';
  readonly taxCategory: string | null;
  readonly categories: readonly { readonly id: string; readonly name: string }[];
  readonly variants: readonly ProductVariant[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** GET /catalog/variants/{id}/stock: units, and the orders holding some (oldest first, at most 100). */
export interface VariantStock {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
  readonly reservations: readonly {
    readonly orderId: string;
    readonly quantity: number;
    readonly reservedAt: string;
    readonly expiresAt: string | null;
  }[];
}

/** An AI-written description waiting for (or past) a person's decision. */
export interface DescriptionDraft {
  readonly id: string;
  readonly productId: string;
  readonly status: 'proposed' | 'accepted' | 'discarded';
  readonly text: string;
  readonly promptName: string;
  readonly promptVersion: number;
  readonly aiCallId: string;
  readonly createdAt: string;
  readonly decidedAt: string | null;
}

const drafts = (productId: string) => `/catalog/products/${encodeURIComponent(productId)}/description-drafts`;

/** The catalog calls of the console's Catalog page. */
export const catalogApi = {
  /** `q`: words to search in titles and descriptions; `status`: default active; `cursor`: a previous page's nextCursor. */
  products: (query: { q?: string; status?: Product['status']; cursor?: string }) => {
    const params = new URLSearchParams({ limit: '20' });
    if (query.q) params.set('q', query.q);
    if (query.status) params.set('status', query.status);
    if (query.cursor) params.set('cursor', query.cursor);
    return request<Page<ProductSummary>>(`/catalog/products?${params}`);
  },
  product: (id: string) => request<Product>(`/catalog/products/${encodeURIComponent(id)}`),
  stock: (variantId: string) => request<VariantStock>(`/catalog/variants/${encodeURIComponent(variantId)}/stock`),
  /** Sets the units on hand; 409 `stock-below-reserved` when fewer than the units reserved. */
  setStock: (variantId: string, onHand: number) =>
    request<{ onHand: number; reserved: number; available: number }>(
      `/catalog/variants/${encodeURIComponent(variantId)}/stock`,
      { method: 'PUT', body: { onHand } },
    ),
  drafts: (productId: string) => request<{ items: readonly DescriptionDraft[] }>(drafts(productId)),
  /** Asks the AI module for a draft (503 ai-disabled, 429 ai-budget-exhausted, 502 ai-empty-draft). */
  requestDraft: (productId: string) => request<DescriptionDraft>(drafts(productId), { method: 'POST' }),
  decideDraft: (productId: string, draftId: string, decision: 'accept' | 'discard') =>
    request<DescriptionDraft>(`${drafts(productId)}/${encodeURIComponent(draftId)}/${decision}`, { method: 'POST' }),
};
