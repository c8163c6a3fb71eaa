import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../../../platform/http';
import { GetVariantSnapshots, VariantSnapshotsResult } from '../../contracts';
import { isUuid } from '../../../../platform/ids';
import { VariantRepository } from '../../infrastructure/variant.repository';

const MAX_IDS = 200;

/** The cart's and checkout's check: one lean query, no ORM hydration (a hot path, docs/architecture.md §10). */
@QueryHandler(GetVariantSnapshots)
export class GetVariantSnapshotsHandler implements IQueryHandler<GetVariantSnapshots> {
  constructor(private readonly variants: VariantRepository) {}

  /** The known variants among the ids; at most MAX_IDS ids (else a validation problem). */
  async execute(query: GetVariantSnapshots): Promise<VariantSnapshotsResult> {
    const ids: unknown = query.variantIds;
    if (!Array.isArray(ids) || ids.length > MAX_IDS) {
      throw ProblemException.validation([], `GetVariantSnapshots takes at most ${MAX_IDS} variant ids.`);
    }
    const known = ids.filter(isUuid);
    if (known.length === 0) return { items: [] };
    return { items: await this.variants.snapshots(known) };
  }
}
