import { Query } from './messages';

/**
 * Data tools: a module offers some of its data to AI features as a named, typed tool. A tool IS a
 * query in the owner's contracts (`@QueryContract(type, example, { dataTool })`), so it travels like
 * any query (in-process or over the broker) and its owner answers it with its own rules. The module
 * that runs AI features lists the tool queries it may ask (a declared dependency on their owners'
 * contracts) and reads each declaration from the registry (ADR 0117).
 *
 * Only reads are tools. The model never sees a table, SQL or a type name; it sees `name`,
 * `description` and `parameters`, and receives rows holding exactly `fields`.
 */
export interface DataToolDeclaration {
  /** What the model calls, `^[a-z][a-z0-9_]{2,63}$`, prefixed by the owner, e.g. `reviews_ratings`. */
  readonly name: string;
  /** One or two sentences telling the model what the tool returns and when to use it. */
  readonly description: string;
  /**
   * The scope a feature must be granted, `<module>:<verb>[:<noun>]`, e.g. `reviews:read`. For a tool
   * whose rows belong to customers (`rowsOwnedBy: 'customer'`) the grant is `<scope>:own` (rows of
   * the acting user only) or `<scope>:any` (every customer's rows; admin features).
   */
  readonly scope: string;
  /** `customer`: each row belongs to one customer and the owner filters by the acting user. */
  readonly rowsOwnedBy: 'none' | 'customer';
  /** The model's arguments: a flat object of simple fields (JSON Schema subset, see {@link ToolParameter}). */
  readonly parameters: {
    readonly properties: Readonly<Record<string, ToolParameter>>;
    readonly required?: readonly string[];
  };
  /**
   * The fields of a returned row, the projection the model may see (top-level keys). Anything else
   * a row carries is dropped before it reaches a model: no ids of people, no addresses, no card data.
   */
  readonly fields: readonly string[];
}

/** One argument of a data tool: a string (optionally a UUID or one of some values), an integer or a boolean. */
export type ToolParameter =
  | {
      readonly type: 'string';
      readonly description: string;
      readonly format?: 'uuid';
      readonly enum?: readonly string[];
      /** At most this many characters (default 200). */
      readonly maxLength?: number;
    }
  | { readonly type: 'integer'; readonly description: string; readonly minimum?: number; readonly maximum?: number }
  | { readonly type: 'boolean'; readonly description: string };

/** Whose rows a data tool may return, as the AI module decided from the feature's grants. */
export interface DataToolActor {
  /** The person the AI feature acts for (the signed-in customer or admin), or null (a system task). */
  readonly userId: string | null;
  /**
   * `own`: only rows belonging to `userId` (none when it is null); `any`: rows of every customer.
   * Always `any` for tools whose rows belong to no customer.
   */
  readonly reach: 'own' | 'any';
}

/** What a data tool answers: rows with the declared fields, at most `limit` of them. */
export interface DataToolResult<TRow extends object = Record<string, unknown>> {
  readonly rows: readonly TRow[];
  /** True when more rows matched than `limit`. */
  readonly truncated: boolean;
}

/**
 * The base of every data-tool query: the model's checked arguments, the acting user the owner must
 * filter by, and the most rows to return. The AI module builds it; an owner handler trusts only
 * `actor` and `limit`, and re-checks its own arguments as for any query.
 */
export abstract class DataToolQuery<TArguments extends object, TRow extends object> extends Query<
  DataToolResult<TRow>
> {
  constructor(
    /** The model's arguments, checked against the tool's `parameters`. */
    readonly args: TArguments,
    /** Whose rows may be returned. */
    readonly actor: DataToolActor,
    /** The most rows to return (1–100). */
    readonly limit: number,
  ) {
    super();
  }
}

const TOOL_NAME = /^[a-z][a-z0-9_]{2,63}$/;
const SCOPE = /^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*){1,2}$/;
const PARAMETER_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

/** The problems of a declaration, one line each (empty when it is sound). */
export function dataToolProblems(tool: DataToolDeclaration): string[] {
  const problems: string[] = [];
  if (!TOOL_NAME.test(tool.name)) problems.push(`"${tool.name}" is not a tool name (${TOOL_NAME.source})`);
  if (!SCOPE.test(tool.scope)) problems.push(`"${tool.scope}" is not a scope (module:verb[:noun])`);
  if (/:(own|any)$/.test(tool.scope)) problems.push('the scope names no reach (:own/:any are granted, not declared)');
  if (!tool.description.trim()) problems.push('a tool needs a description');
  if (tool.fields.length === 0) problems.push('a tool returns at least one field');
  for (const name of Object.keys(tool.parameters.properties)) {
    if (!PARAMETER_NAME.test(name)) problems.push(`"${name}" is not a parameter name`);
  }
  for (const name of tool.parameters.required ?? []) {
    if (!(name in tool.parameters.properties)) problems.push(`required "${name}" is not a parameter`);
  }
  return problems;
}
