// Preloaded by the npm scripts (`node -r ./scripts/load-env.cjs …`): reads .env when there is one.
// A variable already set in the environment wins. Unlike `--env-file-if-exists`, says nothing when
// there is no .env (the usual case).
try {
  process.loadEnvFile('.env');
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
