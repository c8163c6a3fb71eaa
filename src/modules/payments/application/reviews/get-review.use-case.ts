import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { FraudReviewRepository } from '../../infrastructure/fraud-review.repository';
import { ReviewView, toReviewView } from './review-view';

/** `GET /payments/reviews/:paymentId`: which review. */
export interface GetReviewInput {
  readonly paymentId: string;
}

/** `GET /payments/reviews/:paymentId`: one review with its assessment and AI explanation. */
@Injectable()
export class GetReviewUseCase {
  constructor(private readonly reviews: FraudReviewRepository) {}

  async execute({ paymentId }: GetReviewInput): Promise<ReviewView> {
    const review = await this.reviews.find(paymentId);
    if (!review) throw ProblemException.notFound('Review');
    return toReviewView(review);
  }
}
