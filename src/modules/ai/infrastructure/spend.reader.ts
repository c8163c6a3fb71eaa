import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../platform/messaging';
import { queryRows } from '../../../platform/database';

export interface SpendRow {
  readonly day: string;
  readonly feature: string;
  readonly provider: string;
  readonly model: string;
  readonly currency: string;
  readonly calls: number;
  readonly okCalls: number;
  readonly failedCalls: number;
  readonly refusedCalls: number;
  readonly unpricedCalls: number;
  readonly tokens: { input: number; cachedInput: number; cacheWrite: number; output: number; reasoning: number };
  readonly costNanos: number;
}

/** The daily spend roll-up (`ai.spend_daily`), updated in the transaction of each call. */
@Injectable()
export class SpendReader {
  constructor(private readonly uow: UnitOfWork) {}

  async rows(from: string, to: string, feature: string | null): Promise<SpendRow[]> {
    const rows = await queryRows<Record<string, string>>(
      this.uow.reader,
      `SELECT to_char(s.day, 'YYYY-MM-DD') AS day_text, s.* FROM spend_daily s
       WHERE s.day >= $1::date AND s.day < $2::date AND ($3::text IS NULL OR s.feature = $3)
       ORDER BY s.day DESC, s.feature, s.provider, s.model LIMIT 5000`,
      [from, to, feature],
    );
    return rows.map((r) => ({
      day: r.day_text,
      feature: r.feature,
      provider: r.provider,
      model: r.model,
      currency: r.currency,
      calls: Number(r.calls),
      okCalls: Number(r.ok_calls),
      failedCalls: Number(r.failed_calls),
      refusedCalls: Number(r.refused_calls),
      unpricedCalls: Number(r.unpriced_calls),
      tokens: {
        input: Number(r.input_tokens),
        cachedInput: Number(r.cached_input_tokens),
        cacheWrite: Number(r.cache_write_tokens),
        output: Number(r.output_tokens),
        reasoning: Number(r.reasoning_tokens),
      },
      costNanos: Number(r.cost_nanos),
    }));
  }
}
