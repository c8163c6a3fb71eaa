import { Injectable } from '@nestjs/common';
import { FeatureSettings } from './feature-settings';
import { FeatureSettingsCache } from './feature-settings-cache';
import { ModelGateway } from './model-gateway';

/** `GET /ai/features`: whether AI is enabled, and each feature's settings. */
@Injectable()
export class ListFeaturesUseCase {
  constructor(
    private readonly settings: FeatureSettingsCache,
    private readonly gateway: ModelGateway,
  ) {}

  async execute(): Promise<{ status: 'enabled' | 'disabled'; items: FeatureSettings[] }> {
    return { status: this.gateway.enabled ? 'enabled' : 'disabled', items: await this.settings.list() };
  }
}
