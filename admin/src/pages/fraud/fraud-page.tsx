import { Route, Routes } from 'react-router';
import { ReviewListPage } from './review-list-page';
import { ReviewPage } from './review-page';

/** The Fraud review page: the queue at /fraud, one review at /fraud/:paymentId. */
export function FraudPage() {
  return (
    <Routes>
      <Route index element={<ReviewListPage />} />
      <Route path=":paymentId" element={<ReviewPage />} />
    </Routes>
  );
}
