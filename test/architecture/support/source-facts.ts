import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** A method of a class, as the naming rules see it. */
export interface MethodFact {
  readonly name: string;
  readonly visibility: 'public' | 'private' | 'protected';
  readonly isStatic: boolean;
  readonly parameters: number;
}

/** A class declaration: its name, decorators (by name), methods and constructor parameters. */
export interface ClassFact {
  readonly name: string;
  readonly exported: boolean;
  readonly decorators: readonly string[];
  /** The source text of each decorator's arguments, by decorator name. */
  readonly decoratorArguments: Readonly<Record<string, string>>;
  readonly methods: readonly MethodFact[];
  /** Constructor parameters: the type's name, and whether a plain `@Inject(token)` names it instead. */
  readonly constructorParameters: readonly { readonly type: string; readonly byToken: boolean }[];
}

/** One source file of a module: where it is (module, layer) and what it declares and imports. */
export interface FileFact {
  /** Relative to the scanned root, with forward slashes, e.g. `src/modules/cart/http/carts.controller.ts`. */
  readonly path: string;
  readonly module: string;
  /** The first folder under the module (`domain`, `application`…), or `root` for files beside index.ts. */
  readonly layer: string;
  readonly fileName: string;
  readonly classes: readonly ClassFact[];
  /** Names of everything exported (classes, functions, constants, types). */
  readonly exportedNames: readonly string[];
  readonly imports: readonly string[];
}

function decoratorsOf(node: ts.Node): { name: string; args: string }[] {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).map((decorator) => {
    const expression = decorator.expression;
    if (ts.isCallExpression(expression)) {
      return {
        name: expression.expression.getText(),
        args: expression.arguments.map((a) => a.getText()).join(', '),
      };
    }
    return { name: expression.getText(), args: '' };
  });
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return (ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : []).some((m) => m.kind === kind);
}

function classFact(node: ts.ClassDeclaration): ClassFact {
  const decorators = decoratorsOf(node);
  const methods: MethodFact[] = [];
  const constructorParameters: { type: string; byToken: boolean }[] = [];
  for (const member of node.members) {
    if (ts.isMethodDeclaration(member) && member.name) {
      methods.push({
        name: member.name.getText(),
        visibility: hasModifier(member, ts.SyntaxKind.PrivateKeyword)
          ? 'private'
          : hasModifier(member, ts.SyntaxKind.ProtectedKeyword)
            ? 'protected'
            : member.name.getText().startsWith('#')
              ? 'private'
              : 'public',
        isStatic: hasModifier(member, ts.SyntaxKind.StaticKeyword),
        parameters: member.parameters.length,
      });
    }
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        constructorParameters.push({
          type: parameter.type?.getText() ?? 'unknown',
          // Only Nest's own `@Inject(token)` (a setting, a port): `@InjectDataSource()`,
          // `@InjectRepository()` and the like hand over persistence and stay unexempt.
          byToken: decoratorsOf(parameter).some((d) => d.name === 'Inject'),
        });
      }
    }
  }
  return {
    name: node.name?.getText() ?? '<anonymous>',
    exported: hasModifier(node, ts.SyntaxKind.ExportKeyword),
    decorators: decorators.map((d) => d.name),
    decoratorArguments: Object.fromEntries(decorators.map((d) => [d.name, d.args])),
    methods,
    constructorParameters,
  };
}

function exportedNamesOf(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) names.push(declaration.name.getText());
    } else if (
      (ts.isClassDeclaration(statement) ||
        ts.isFunctionDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.push(statement.name.getText());
    }
  }
  return names;
}

/**
 * The facts of every non-spec TypeScript file under `<root>/src/modules`, parsed with the
 * TypeScript compiler (no code is run).
 */
export function moduleSourceFacts(root: string): FileFact[] {
  const modulesDir = join(root, 'src', 'modules');
  return readdirSync(modulesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
    .map((entry) => {
      const absolute = join(entry.parentPath, entry.name);
      const [module, ...rest] = relative(modulesDir, absolute).split(sep);
      const text = readFileSync(absolute, 'utf8');
      const source = ts.createSourceFile(entry.name, text, ts.ScriptTarget.Latest, true);
      const classes = source.statements.filter(ts.isClassDeclaration).map(classFact);
      const imports = source.statements
        .filter(ts.isImportDeclaration)
        .map((i) => (i.moduleSpecifier as ts.StringLiteral).text);
      return {
        path: relative(root, absolute).split(sep).join('/'),
        module,
        layer: rest.length > 1 ? rest[0] : 'root',
        fileName: entry.name,
        classes,
        exportedNames: exportedNamesOf(source),
        imports,
      };
    });
}
