import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { reachOf } from '../../domain/data-tools/data-scopes';
import { FeatureGrantVersion, FeatureScopeDeclaration, initialGrants } from '../../domain/data-tools/feature-grants';
import {
  FEATURE_SCOPE_DECLARATIONS,
  featureScopeDeclaration,
} from '../../domain/data-tools/feature-scope-declarations';
import { FeatureGrantRepository } from '../../infrastructure/feature-grant.repository';
import { DataToolCatalogue } from './data-tool-catalogue';
import { FeatureGrantsView } from './data-tool-grant-views';

/** Builds the grant views the admin use cases answer with. */
@Injectable()
export class FeatureGrantsReader {
  constructor(
    private readonly grants: FeatureGrantRepository,
    private readonly catalogue: DataToolCatalogue,
  ) {}

  /** The declaration of a feature; a 404 problem for a feature that declares no data tools. */
  declarationOf(feature: string): FeatureScopeDeclaration {
    const declaration = featureScopeDeclaration(feature);
    if (!declaration) throw ProblemException.notFound('AI feature');
    return declaration;
  }

  async one(feature: string): Promise<FeatureGrantsView> {
    const declaration = this.declarationOf(feature);
    const history = await this.grants.history(feature);
    return { ...this.view(declaration, history[0]), history };
  }

  async all(): Promise<FeatureGrantsView[]> {
    const current = new Map((await this.grants.allCurrent()).map((g) => [g.feature, g]));
    return FEATURE_SCOPE_DECLARATIONS.map((d) => this.view(d, current.get(d.feature)));
  }

  view(declaration: FeatureScopeDeclaration, current: FeatureGrantVersion | undefined): FeatureGrantsView {
    const grants = current ?? initialGrants(declaration.feature);
    const scopes = grants.scopes.filter((s) => declaration.scopes.includes(s));
    return {
      feature: declaration.feature,
      audience: declaration.audience,
      declaredScopes: declaration.scopes,
      version: grants.version,
      scopes,
      tools: this.catalogue
        .all()
        .filter((t) => reachOf(scopes, t) !== null)
        .map((t) => t.name),
      maxToolCallsPerTurn: grants.maxToolCallsPerTurn,
      maxRowsPerCall: grants.maxRowsPerCall,
      changedBy: current?.changedBy ?? null,
      changedAt: current?.changedAt ?? null,
    };
  }
}
