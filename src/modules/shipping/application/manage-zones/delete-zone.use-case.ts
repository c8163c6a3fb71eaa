import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { ZoneRepository } from '../../infrastructure/zone.repository';

export interface DeleteZoneInput {
  readonly id: string;
}

/** `DELETE /shipping/zones/:id`: only a zone without methods goes (409 `zone-has-methods` otherwise). */
@Injectable()
export class DeleteZoneUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly zones: ZoneRepository,
  ) {}

  execute(input: DeleteZoneInput): Promise<void> {
    return this.uow.run(async (tx) => {
      if (!(await this.zones.lock(tx, input.id))) throw ProblemException.notFound('Zone');
      if (!(await this.zones.deleteUnused(tx, input.id))) {
        throw ProblemException.conflict('zone-has-methods', 'The zone still has shipping methods; delete them first.');
      }
    });
  }
}
