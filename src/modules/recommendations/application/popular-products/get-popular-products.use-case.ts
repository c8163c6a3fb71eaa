import { Injectable } from '@nestjs/common';
import { Recommendation } from '../../domain/recommendation';
import { RecommendationRepository } from '../../infrastructure/recommendation.repository';

/** How many products at most. */
export interface GetPopularProductsInput {
  readonly limit: number;
}

/** The most bought products lately (recency-weighted). */
@Injectable()
export class GetPopularProductsUseCase {
  constructor(private readonly recommendations: RecommendationRepository) {}

  execute(input: GetPopularProductsInput): Promise<Recommendation[]> {
    return this.recommendations.popular(input.limit);
  }
}
