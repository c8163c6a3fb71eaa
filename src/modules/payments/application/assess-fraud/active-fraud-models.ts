import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { parseFraudModel } from '../../domain/fraud/fraud-model';
import { FraudScorer } from '../../domain/fraud/fraud-scorer';
import { FraudModelRepository } from '../../infrastructure/fraud-model.repository';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../payments.config';

/** A stored model ready to score. */
export interface LiveModel {
  readonly version: number;
  readonly scorer: FraudScorer;
}

/** The models that score attempts now: the active one (acts) and the shadow one (logged only). */
export interface LiveModels {
  readonly active: LiveModel | null;
  readonly shadow: LiveModel | null;
}

/**
 * Which models are live, read from payments' schema at most every `FRAUD_MODEL_CACHE_MS` (so a
 * promotion made by another instance bites within that time; in this process at once), each
 * version parsed once. A stored model this code cannot score (another feature set) is skipped with
 * a warning: the rules decide, as they do before the first model.
 */
@Injectable()
export class ActiveFraudModels {
  private readonly logger = new Logger('FraudModels');
  private readonly scorers = new Map<number, FraudScorer | null>();
  private cached: { models: LiveModels; until: number } | undefined;

  constructor(
    private readonly repository: FraudModelRepository,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  /**
   * The live models (cached). Inside a transaction, pass it: reading on a second connection while
   * the transaction holds one deadlocks once every pooled connection is such a transaction (a burst
   * of authorizations on a cold cache after a restart held payments' whole pool that way).
   */
  async current(tx?: Transaction): Promise<LiveModels> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.models;
    const live = await this.repository.live(tx);
    const models: LiveModels = {
      active: await this.load(live.active, tx),
      shadow: await this.load(live.shadow, tx),
    };
    this.cached = { models, until: Date.now() + this.config.fraud.modelCacheMs };
    return models;
  }

  /** Forgets what was read: the next assessment reads the live versions again. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async load(version: number | null, tx: Transaction | undefined): Promise<LiveModel | null> {
    if (version === null) return null;
    if (!this.scorers.has(version)) {
      try {
        this.scorers.set(version, new FraudScorer(parseFraudModel(await this.repository.modelJson(version, tx))));
      } catch (error) {
        this.logger.warn(`fraud model ${version} cannot be used (${String(error)}); the rules decide`);
        this.scorers.set(version, null);
      }
    }
    const scorer = this.scorers.get(version);
    return scorer ? { version, scorer } : null;
  }
}
