import { Injectable } from '@nestjs/common';
import { FeatureSettingsRepository } from '../../infrastructure/feature-settings.repository';
import { DEFAULT_FEATURE_SETTINGS, FeatureSettings } from './feature-settings';

const SETTINGS_TTL_MS = 10_000;

/** Every feature's gateway settings, in memory (reloaded after an edit here or after 10 s). */
@Injectable()
export class FeatureSettingsCache {
  private settings: Map<string, FeatureSettings> | null = null;
  private loadedAt = 0;

  constructor(private readonly repository: FeatureSettingsRepository) {}

  async of(feature: string): Promise<FeatureSettings> {
    if (!this.settings || Date.now() - this.loadedAt >= SETTINGS_TTL_MS) {
      const all = await this.repository.all();
      this.settings = new Map(all.map((s) => [s.feature, s]));
      this.loadedAt = Date.now();
    }
    return this.settings.get(feature) ?? { feature, ...DEFAULT_FEATURE_SETTINGS };
  }

  /** Every feature with settings of its own. */
  list(): Promise<FeatureSettings[]> {
    return this.repository.all();
  }

  /** Saves a feature's settings; this process uses them at once, others within 10 s. */
  async save(settings: FeatureSettings, by: string): Promise<void> {
    await this.repository.save(settings, by);
    this.settings = null;
  }
}
