import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A small runner for `.http` files in VS Code REST Client's syntax, enough for docs/http:
 * `@name = value` file variables, `###` between requests, `# @name x` to keep a response,
 * `{{x.response.body.$.a.b[0].c}}` to read from it, `{{$guid}}` and `{{$timestamp}}`. Two comment
 * lines are ours (plain comments to REST Client): `# expect: 201` (default: any 2xx) and
 * `# until: $.path == <JSON>` (send again until it holds).
 */
export interface CollectionRequest {
  readonly title: string;
  readonly name: string | undefined;
  readonly method: string;
  readonly url: string;
  readonly headers: [string, string][];
  readonly body: string | undefined;
  readonly expect: number | undefined;
  readonly until: { path: string; value: string } | undefined;
}

export interface Collection {
  readonly variables: Record<string, string>;
  readonly requests: CollectionRequest[];
}

export function parseCollection(file: string): Collection {
  const variables: Record<string, string> = {};
  const requests: CollectionRequest[] = [];
  for (const block of readFileSync(file, 'utf8').split(/^###/m)) {
    const lines = block.split('\n');
    const title = lines.shift()?.trim() ?? '';
    let name: string | undefined;
    let expect: number | undefined;
    let until: CollectionRequest['until'];
    let start: { method: string; url: string } | undefined;
    const headers: [string, string][] = [];
    const bodyLines: string[] = [];
    let inBody = false;
    for (const line of lines) {
      if (inBody) {
        bodyLines.push(line);
        continue;
      }
      const variable = /^@(\w+)\s*=\s*(.*)$/.exec(line);
      if (variable) {
        variables[variable[1]] = variable[2].trim();
        continue;
      }
      if (/^\s*(#|\/\/)/.test(line)) {
        name = /@name\s+(\w+)/.exec(line)?.[1] ?? name;
        const expected = /expect:\s*(\d{3})/.exec(line);
        if (expected) expect = Number(expected[1]);
        const condition = /until:\s*(\$\S*)\s*==\s*(.+)$/.exec(line);
        if (condition) until = { path: condition[1], value: condition[2].trim() };
        continue;
      }
      if (!start) {
        const requestLine = /^(GET|POST|PUT|PATCH|DELETE)\s+(\S+)/.exec(line);
        if (requestLine) start = { method: requestLine[1], url: requestLine[2] };
        continue;
      }
      if (line.trim() === '') {
        inBody = true;
        continue;
      }
      const header = /^([\w-]+):\s*(.*)$/.exec(line);
      if (header) headers.push([header[1], header[2]]);
    }
    if (!start) continue;
    const body = bodyLines.join('\n').trim();
    requests.push({ title, name, ...start, headers, body: body === '' ? undefined : body, expect, until });
  }
  return { variables, requests };
}

/** Reads `$.a.b[0].c` from a JSON value. */
export function jsonPath(value: unknown, path: string): unknown {
  const steps = path.replace(/^\$\.?/, '').match(/[^.[\]]+/g) ?? [];
  return steps.reduce<unknown>((node, step) => (node as Record<string, unknown> | undefined)?.[step], value);
}

export interface CollectionStep {
  readonly title: string;
  readonly status: number;
  readonly body: unknown;
}

/**
 * Sends the collection's requests in order against a running server; `overrides` replace file
 * variables (the base URL, the admin's credentials). Throws at the first step that fails.
 */
export async function runCollection(
  collection: Collection,
  overrides: Record<string, string>,
  options: { untilTimeoutMs?: number } = {},
): Promise<CollectionStep[]> {
  const variables = { ...collection.variables, ...overrides };
  const responses: Record<string, unknown> = {};
  const resolve = (text: string): string =>
    text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (expression === '$guid') return randomUUID();
      if (expression === '$timestamp') return String(Math.floor(Date.now() / 1000));
      const captured = /^(\w+)\.response\.body\.(\$.*)$/.exec(expression);
      if (captured) {
        if (!(captured[1] in responses)) throw new Error(`{{${expression}}}: no response named ${captured[1]} yet`);
        return String(jsonPath(responses[captured[1]], captured[2]));
      }
      if (!(expression in variables)) throw new Error(`{{${expression}}} is not defined`);
      return resolve(variables[expression]);
    });

  const steps: CollectionStep[] = [];
  for (const request of collection.requests) {
    const send = async (): Promise<CollectionStep> => {
      const response = await fetch(resolve(request.url), {
        method: request.method,
        headers: Object.fromEntries(request.headers.map(([k, v]) => [k, resolve(v)])),
        body: request.body === undefined ? undefined : resolve(request.body),
      });
      const text = await response.text();
      return { title: request.title, status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };
    let step = await send();
    if (request.until) {
      const deadline = Date.now() + (options.untilTimeoutMs ?? 20_000);
      const wanted = JSON.parse(resolve(request.until.value)) as unknown;
      while (jsonPath(step.body, request.until.path) !== wanted) {
        if (Date.now() > deadline) {
          throw new Error(
            `"${request.title}": ${request.until.path} never became ${JSON.stringify(wanted)}; last answer ${JSON.stringify(step.body)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
        step = await send();
      }
    }
    const ok = request.expect === undefined ? step.status >= 200 && step.status < 300 : step.status === request.expect;
    if (!ok) {
      throw new Error(
        `"${request.title}" answered ${step.status} (expected ${request.expect ?? '2xx'}): ${JSON.stringify(step.body)}`,
      );
    }
    if (request.name) responses[request.name] = step.body;
    steps.push(step);
  }
  return steps;
}
