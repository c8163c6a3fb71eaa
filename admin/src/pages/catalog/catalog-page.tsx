import { Route, Routes } from 'react-router';
import { ProductList } from './product-list';
import { ProductPage } from './product-page';

/** Catalog: the product list with search, and a product's page (variants, stock, description drafts). */
export function CatalogPage() {
  return (
    <Routes>
      <Route index element={<ProductList />} />
      <Route path=":productId" element={<ProductPage />} />
    </Routes>
  );
}
