import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** A contract class found in a module's contracts/, read from its source (nothing is loaded). */
export interface ContractSource {
  readonly kind: 'command' | 'query' | 'event';
  /** Its type name, the decorator's first argument: `reviews.PostReview`, `reviews.ReviewPosted.v1`. */
  readonly type: string;
  readonly module: string;
  readonly className: string;
  readonly file: string;
}

const KINDS: Record<string, ContractSource['kind']> = {
  CommandContract: 'command',
  QueryContract: 'query',
  IntegrationEventContract: 'event',
};

/** The contract classes under `<root>/src/modules/*\/contracts`, sorted by type. */
export function findContracts(root: string): ContractSource[] {
  const modules = join(root, 'src/modules');
  const found: ContractSource[] = [];
  for (const module of readdirSync(modules).sort()) {
    const dir = join(modules, module, 'contracts');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'))) {
      const file = join(dir, name);
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
      for (const statement of source.statements) {
        if (!ts.isClassDeclaration(statement) || !statement.name) continue;
        for (const decorator of ts.getDecorators(statement) ?? []) {
          const call = decorator.expression;
          if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) continue;
          const kind = KINDS[call.expression.text];
          const type = call.arguments[0];
          if (kind && type && ts.isStringLiteral(type)) {
            found.push({ kind, type: type.text, module, className: statement.name.text, file });
          }
        }
      }
    }
  }
  return found.sort((a, b) => a.type.localeCompare(b.type));
}
