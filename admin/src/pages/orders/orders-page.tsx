import { Route, Routes } from 'react-router';
import { OrderListPage } from './order-list-page';
import { OrderPage } from './order-page';

/** The Orders page: the filtered list at /orders, one order with its saga at /orders/:orderId. */
export function OrdersPage() {
  return (
    <Routes>
      <Route index element={<OrderListPage />} />
      <Route path=":orderId" element={<OrderPage />} />
    </Routes>
  );
}
