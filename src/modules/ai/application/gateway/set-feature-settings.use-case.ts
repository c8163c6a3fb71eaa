import { Injectable } from '@nestjs/common';
import { FeatureSettings } from './feature-settings';
import { FeatureSettingsCache } from './feature-settings-cache';

export interface SetFeatureSettingsInput {
  readonly settings: FeatureSettings;
  readonly by: string;
}

/** `PUT /ai/features/:feature`: body capture and the fallback model. */
@Injectable()
export class SetFeatureSettingsUseCase {
  constructor(private readonly settings: FeatureSettingsCache) {}

  async execute(input: SetFeatureSettingsInput): Promise<FeatureSettings> {
    await this.settings.save(input.settings, input.by);
    return input.settings;
  }
}
