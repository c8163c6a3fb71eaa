import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { UnitOfWork } from '../../../../platform/messaging';
import { assertNoFieldErrors } from '../../domain/shipping-domain-error';
import { validateZone, Zone } from '../../domain/zone';
import { ZoneRepository } from '../../infrastructure/zone.repository';
import { answeringProblems } from '../shipping-problems';

export interface CreateZoneInput {
  readonly name: string;
  readonly countries: readonly string[];
}

/** `POST /shipping/zones`: a new zone, checked by the zone rules (a bad country is a 400 naming it). */
@Injectable()
export class CreateZoneUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly zones: ZoneRepository,
  ) {}

  execute(input: CreateZoneInput): Promise<Zone> {
    return answeringProblems(async () => {
      const zone: Zone = { id: uuidv7(), name: input.name.trim(), countries: [...input.countries] };
      assertNoFieldErrors('zone', validateZone(zone));
      await this.uow.run((tx) => this.zones.save(tx, zone));
      return zone;
    });
  }
}
