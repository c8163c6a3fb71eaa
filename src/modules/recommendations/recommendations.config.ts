import { Env, readInt } from '../../platform/config';

/** Settings of the recommendations module (see docs/modules/recommendations.md). */
export interface RecommendationsConfig {
  /** Neighbours kept per product (top N by similarity). */
  readonly neighbours: number;
  /** Half-life of a signal's weight in the popularity ranking. */
  readonly popularityHalfLifeDays: number;
  /** How often neighbour lists that events changed are ranked again (0: never, tests call it). */
  readonly neighbourRefreshMs: number;
}

export const RECOMMENDATIONS_CONFIG = Symbol('RECOMMENDATIONS_CONFIG');

export function loadRecommendationsConfig(env: Env): RecommendationsConfig {
  return {
    neighbours: readInt(env, 'RECS_NEIGHBOURS', 50, 1, 500),
    popularityHalfLifeDays: readInt(env, 'RECS_POPULARITY_HALF_LIFE_DAYS', 30, 1, 3650),
    neighbourRefreshMs: readInt(env, 'RECS_NEIGHBOUR_REFRESH_MS', 1000, 0, 3_600_000),
  };
}
