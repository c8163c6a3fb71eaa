import { Injectable } from '@nestjs/common';
import { FeatureGrantsView } from './data-tool-grant-views';
import { FeatureGrantsReader } from './feature-grants-reader';

/** Every feature that declares data tools, with its current grants and limits. */
@Injectable()
export class ListFeatureGrantsUseCase {
  constructor(private readonly reader: FeatureGrantsReader) {}

  async execute(): Promise<{ items: FeatureGrantsView[] }> {
    return { items: await this.reader.all() };
  }
}
