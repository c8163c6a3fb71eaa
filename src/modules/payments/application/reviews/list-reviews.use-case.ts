import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, Page } from '../../../../platform/http';
import { FraudReviewRepository, FraudReviewStatus } from '../../infrastructure/fraud-review.repository';
import { ReviewView, toReviewView } from './review-view';

/** `GET /payments/reviews`: which reviews, how many, after which. */
export interface ListReviewsInput {
  readonly status?: FraudReviewStatus;
  readonly limit?: number;
  readonly cursor?: string;
}

/** `GET /payments/reviews`: held payments (pending by default), oldest first, with their assessments. */
@Injectable()
export class ListReviewsUseCase {
  constructor(private readonly reviews: FraudReviewRepository) {}

  async execute(input: ListReviewsInput): Promise<Page<ReviewView>> {
    const limit = input.limit ?? 20;
    const after = input.cursor ? (decodeCursor(input.cursor, { paymentId: 'uuid' }).paymentId as string) : null;
    const rows = await this.reviews.list(input.status ?? 'pending', limit + 1, after);
    const items = rows.slice(0, limit).map(toReviewView);
    const nextCursor = rows.length > limit ? encodeCursor({ paymentId: items[items.length - 1].paymentId }) : null;
    return { items, nextCursor };
  }
}
