import { ConfigError } from './config-error';
import { Env, readInt, readString, readUrl } from './env-readers';

/**
 * The address people use to reach this shop: `SHOP_URL` (the storefront) when set, else this API's
 * own address from HOST and PORT (a wildcard host is reached as localhost). Links in emails start
 * here; it is never taken from a request's Host header.
 */
export function readShopUrl(env: Env): string {
  const configured = readUrl(env, 'SHOP_URL', ['http', 'https']);
  if (configured) return configured.replace(/\/+$/, '');
  return reachableBaseUrl(readString(env, 'HOST', '0.0.0.0'), readInt(env, 'PORT', 3000, 0, 65535));
}

/** The address a person types to reach this process: a wildcard listen address is reached as localhost. */
export function reachableBaseUrl(host: string, port: number): string {
  const reachable = ['0.0.0.0', '::', ''].includes(host) ? 'localhost' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/**
 * A link template such as `https://shop.example/things/{id}`: `{shopUrl}` and the given
 * placeholders are filled in when a link is made. Each placeholder must appear, each of the
 * `optional` ones may, no other may, and the result must be an http(s) URL; otherwise a ConfigError
 * names the variable.
 */
export function readUrlTemplate(
  env: Env,
  name: string,
  fallback: string,
  placeholders: readonly string[],
  optional: readonly string[] = [],
): string {
  const written = readString(env, name, fallback);
  // A placeholder of another name (a typo, another kind's) would stay in every link as written.
  const unknown = [...written.matchAll(/\{(\w*)\}/g)]
    .map((m) => m[1])
    .filter((p) => p !== 'shopUrl' && !placeholders.includes(p) && !optional.includes(p));
  if (unknown.length > 0) {
    const known = ['shopUrl', ...placeholders, ...optional].map((p) => `{${p}}`).join(', ');
    throw new ConfigError(name, `has an unknown placeholder {${unknown[0]}}: it may use ${known} (got "${written}")`);
  }
  const template = written.replaceAll('{shopUrl}', readShopUrl(env));
  const missing = placeholders.filter((p) => !template.includes(`{${p}}`));
  if (missing.length > 0) {
    throw new ConfigError(name, `must contain ${missing.map((p) => `{${p}}`).join(' and ')} (got "${template}")`);
  }
  const sample = fillUrlTemplate(template, Object.fromEntries([...placeholders, ...optional].map((p) => [p, 'x'])));
  readUrl({ [name]: sample }, name, ['http', 'https']);
  return template;
}

/** Fills a template's `{name}` placeholders with URL-encoded values. */
export function fillUrlTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? encodeURIComponent(values[key]) : match,
  );
}
