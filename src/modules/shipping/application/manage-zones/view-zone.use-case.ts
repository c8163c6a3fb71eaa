import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { Zone } from '../../domain/zone';
import { ZoneRepository } from '../../infrastructure/zone.repository';

export interface ViewZoneInput {
  readonly id: string;
}

/** `GET /shipping/zones/:id`. */
@Injectable()
export class ViewZoneUseCase {
  constructor(private readonly zones: ZoneRepository) {}

  async execute(input: ViewZoneInput): Promise<Zone> {
    const zone = await this.zones.find(input.id);
    if (!zone) throw ProblemException.notFound('Zone');
    return zone;
  }
}
