import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { assertNoFieldErrors } from '../../domain/shipping-domain-error';
import { validateZone, Zone } from '../../domain/zone';
import { ZoneRepository } from '../../infrastructure/zone.repository';
import { answeringProblems } from '../shipping-problems';

export interface EditZoneInput {
  readonly id: string;
  readonly name?: string;
  /** Replaces the whole list. */
  readonly countries?: readonly string[];
}

/** `PATCH /shipping/zones/:id`: renames a zone or replaces its countries; quotes use it at once. */
@Injectable()
export class EditZoneUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly zones: ZoneRepository,
  ) {}

  execute(input: EditZoneInput): Promise<Zone> {
    return answeringProblems(() =>
      this.uow.run(async (tx) => {
        const zone = await this.zones.lock(tx, input.id);
        if (!zone) throw ProblemException.notFound('Zone');
        const edited: Zone = {
          ...zone,
          name: input.name?.trim() ?? zone.name,
          countries: input.countries ? [...input.countries] : zone.countries,
        };
        assertNoFieldErrors('zone', validateZone(edited));
        await this.zones.save(tx, edited);
        return edited;
      }),
    );
  }
}
