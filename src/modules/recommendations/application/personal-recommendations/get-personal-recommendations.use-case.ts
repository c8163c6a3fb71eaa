import { Injectable } from '@nestjs/common';
import { Recommendation } from '../../domain/recommendation';
import { RecommendationRepository } from '../../infrastructure/recommendation.repository';

/** Whose suggestions, and how many at most. */
export interface GetPersonalRecommendationsInput {
  readonly customerId: string;
  readonly limit: number;
}

/** Suggestions from the customer's history (never what they already bought), padded with popular ones. */
@Injectable()
export class GetPersonalRecommendationsUseCase {
  constructor(private readonly recommendations: RecommendationRepository) {}

  execute(input: GetPersonalRecommendationsInput): Promise<Recommendation[]> {
    return this.recommendations.forCustomer(input.customerId, input.limit);
  }
}
