import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { Recommendation } from '../../domain/recommendation';
import { RecommendationRepository } from '../../infrastructure/recommendation.repository';

/** The product, and how many suggestions at most. */
export interface GetSimilarProductsInput {
  readonly productId: string;
  readonly limit: number;
}

/** Products bought together with this one, padded with popular ones; 404 for a product no event ever mentioned. */
@Injectable()
export class GetSimilarProductsUseCase {
  constructor(private readonly recommendations: RecommendationRepository) {}

  async execute(input: GetSimilarProductsInput): Promise<Recommendation[]> {
    const items = await this.recommendations.similarTo(input.productId, input.limit);
    if (!items) throw ProblemException.notFound('Product');
    return items;
  }
}
