import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../platform/messaging';
import { FeatureSettings } from '../application/gateway/feature-settings';
import { queryRows } from '../../../platform/database';

interface Row {
  feature: string;
  capture_bodies: boolean;
  fallback_provider: string | null;
  fallback_model: string | null;
}

/** `ai.feature_settings`. */
@Injectable()
export class FeatureSettingsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async all(): Promise<FeatureSettings[]> {
    const rows = await queryRows<Row>(this.uow.reader, `SELECT * FROM feature_settings ORDER BY feature`);
    return rows.map((r) => ({
      feature: r.feature,
      captureBodies: r.capture_bodies,
      fallback:
        r.fallback_provider && r.fallback_model ? { provider: r.fallback_provider, model: r.fallback_model } : null,
    }));
  }

  async save(settings: FeatureSettings, by: string): Promise<void> {
    await this.uow.reader.query(
      `INSERT INTO feature_settings (feature, capture_bodies, fallback_provider, fallback_model, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (feature) DO UPDATE SET capture_bodies = EXCLUDED.capture_bodies,
         fallback_provider = EXCLUDED.fallback_provider, fallback_model = EXCLUDED.fallback_model,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        settings.feature,
        settings.captureBodies,
        settings.fallback?.provider ?? null,
        settings.fallback?.model ?? null,
        by,
      ],
    );
  }
}
