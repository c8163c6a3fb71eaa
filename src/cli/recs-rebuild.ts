import 'reflect-metadata';
import { rebuildReadModel } from '../modules/recommendations/infrastructure/read-model-rebuild';
import { loadRecommendationsConfig } from '../modules/recommendations/recommendations.config';
import { openForCli, withDatabase } from './cli-database';

/**
 * `npm run recs:rebuild`: recomputes the recommendations read model (co-occurrences, neighbours,
 * popularity, user history) from the raw facts the module has recorded, e.g. after the model
 * or its settings (RECS_NEIGHBOURS, RECS_POPULARITY_HALF_LIFE_DAYS) changed.
 */
void withDatabase(async (target, config) => {
  const dataSource = await openForCli('recommendations', target, config, true);
  try {
    const started = performance.now();
    const report = await rebuildReadModel(dataSource, loadRecommendationsConfig(config.source));
    for (const { step, ms } of report.steps) console.log(`  ${step.padEnd(28)} ${ms} ms`);
    console.log(
      `recommendations: rebuilt from ${report.purchases} order lines and ${report.cartAdds} cart adds: ` +
        `${report.pairs} co-occurrences, ${report.neighbours} neighbours in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await dataSource.destroy();
  }
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
