/** `--name value` from the command line, or undefined. */
export function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** `--name N` as a positive integer, `fallback` when absent; exits with status 2 on anything else. */
export function positiveInt(name: string, fallback: number): number {
  const value = option(name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    console.error(`--${name} must be a positive integer (got "${value}")`);
    process.exit(2);
  }
  return Number(value);
}

/** `--name x` as a share strictly between 0 and 1, `fallback` when absent; exits with status 2 otherwise. */
export function share(name: string, fallback: number): number {
  const value = option(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!(parsed > 0 && parsed < 1)) {
    console.error(`--${name} must be a share between 0 and 1 (got "${value}")`);
    process.exit(2);
  }
  return parsed;
}
