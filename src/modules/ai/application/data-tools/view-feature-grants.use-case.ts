import { Injectable } from '@nestjs/common';
import { FeatureGrantsView } from './data-tool-grant-views';
import { FeatureGrantsReader } from './feature-grants-reader';

/** Which feature. */
export interface ViewFeatureGrantsInput {
  readonly feature: string;
}

/** One feature's declaration, current grants, limits and every version (404 for a feature that declares none). */
@Injectable()
export class ViewFeatureGrantsUseCase {
  constructor(private readonly reader: FeatureGrantsReader) {}

  execute({ feature }: ViewFeatureGrantsInput): Promise<FeatureGrantsView> {
    return this.reader.one(feature);
  }
}
