import { Promotion } from '../domain/promotion';

/** A promotion as stored: its definition and the uses counted so far (given-back ones excluded). */
export interface StoredPromotion {
  readonly promotion: Promotion;
  readonly redeemed: number;
}
