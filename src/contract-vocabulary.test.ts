import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { API_NAMES, GROUP_NAMES, ROUTES } from '@contract';

/**
 * Route paths, group names and query keys are written in `src/contract` (and keys in the one
 * helper that makes them), never again elsewhere in `src/`: a literal copy is how keys drifted
 * and a screen stopped being refreshed. Tests and their fixtures (`*.test.*`, `src/testing/`)
 * are left out: they spell values out to check them. So is e2e/, outside `src/`.
 */

const SRC = fileURLToPath(new URL('.', import.meta.url));

/** Where each kind of literal may be written, besides `src/contract`. */
const HOMES = {
  routePath: ['app/admin-screens.ts'], // the SPA's own addresses, which read like the API's
  groupName: [] as string[],
  queryKey: ['api/route-queries.ts'],
};

/** The first segment of every route path: `/admin`, `/api`, `/ops`. */
const ROUTE_PREFIXES = [...new Set(Object.values(ROUTES).map((r) => r.path.split('/')[1]))];
const ROUTE_PATH = new RegExp(`^/(${ROUTE_PREFIXES.join('|')})(/|$)`);
const KEY_METHODS = new Set([
  'cancelQueries',
  'ensureQueryData',
  'fetchQuery',
  'getQueriesData',
  'getQueryData',
  'getQueryState',
  'invalidateQueries',
  'isFetching',
  'prefetchQuery',
  'refetchQueries',
  'removeQueries',
  'resetQueries',
  'setQueriesData',
  'setQueryData',
]);

type Rule = keyof typeof HOMES;
interface Finding {
  rule: Rule;
  where: string;
}

const nameOf = (node: ts.Node | undefined) =>
  node && (ts.isIdentifier(node) || ts.isStringLiteral(node)) ? node.text : undefined;
const isApiProperty = (node: ts.Node) =>
  ts.isPropertyAccessExpression(node) && node.name.text === 'api';

/**
 * API names share their spelling with two group names (`admin`, `general`). A literal names an
 * API where the code says so: given to a function that takes an API name, or to, or compared
 * with, an `api` property (the CLI's `--api`).
 */
function namesAnApi(literal: ts.Node): boolean {
  const { parent } = literal;
  if (
    ts.isCallExpression(parent) &&
    ['routesOf', 'createRouteCaller'].includes(nameOf(parent.expression) ?? '')
  ) {
    return true;
  }
  if (
    ts.isBinaryExpression(parent) &&
    (isApiProperty(parent.left) || isApiProperty(parent.right))
  ) {
    return true;
  }
  if (ts.isCaseClause(parent) && isApiProperty(parent.parent.parent.expression)) return true;
  for (let node: ts.Node = literal; !ts.isSourceFile(node); node = node.parent) {
    if (ts.isPropertyAssignment(node) && nameOf(node.name) === 'api') return true;
  }
  return false;
}

const containsArrayLiteral = (node: ts.Node): boolean =>
  ts.isArrayLiteralExpression(node) || (ts.forEachChild(node, containsArrayLiteral) ?? false);

const isText = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** A route path, whole or as the start of a template: `'/admin/users'`, `` `/api/${x}` ``. */
const isRoutePath = (node: ts.Node) =>
  (isText(node) || ts.isTemplateHead(node)) && ROUTE_PATH.test(node.text);

const isGroupName = (node: ts.Node) =>
  isText(node) &&
  (GROUP_NAMES as readonly string[]).includes(node.text) &&
  !((API_NAMES as readonly string[]).includes(node.text) && namesAnApi(node));

/**
 * The ways keys were written by hand: a `queryKey`/`mutationKey` set outside the helper, an
 * array handed to the query client as a key, or a `…Key`/`…_KEY` constant built from an array.
 */
function writesAKey(node: ts.Node): boolean {
  if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
    return ['queryKey', 'mutationKey'].includes(nameOf(node.name) ?? '');
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const [key] = node.arguments;
    return KEY_METHODS.has(node.expression.name.text) && !!key && ts.isArrayLiteralExpression(key);
  }
  if (ts.isVariableDeclaration(node)) {
    return (
      /key$/i.test(nameOf(node.name) ?? '') &&
      !!node.initializer &&
      containsArrayLiteral(node.initializer)
    );
  }
  return false;
}

/** Every literal of `source` that one of the rules forbids. */
function findLiterals(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    const rule: Rule | undefined = isRoutePath(node)
      ? 'routePath'
      : isGroupName(node)
        ? 'groupName'
        : writesAKey(node)
          ? 'queryKey'
          : undefined;
    if (rule) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push({ rule, where: `${fileName}:${line + 1}: ${node.getText(file).slice(0, 80)}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const modules = sourceFiles(SRC)
  .map((path) => relative(SRC, path).split(sep).join('/'))
  .filter((path) => !path.startsWith('contract/') && !path.startsWith('testing/'))
  .filter((path) => !/\.test\.tsx?$/.test(path));

const findings = modules.flatMap((path) =>
  findLiterals(path, readFileSync(join(SRC, path), 'utf8')).filter(
    ({ rule }) => !HOMES[rule].includes(path),
  ),
);
const of = (rule: Rule) => findings.filter((f) => f.rule === rule).map((f) => f.where);

describe('outside src/contract', () => {
  it('reads the modules of src/', () => {
    expect(modules.length).toBeGreaterThan(50);
  });

  it('writes no route path: paths come from ROUTES', () => {
    expect(of('routePath')).toEqual([]);
  });

  it('writes no group name: names come from GroupName, GROUPS and GROUP_NAMES', () => {
    expect(of('groupName')).toEqual([]);
  });

  it('writes no query key: keys come from routeQuery and localQuery', () => {
    expect(of('queryKey')).toEqual([]);
  });

  it('leaves the home-grown useAction to the screens before sign-in, where no query client is', () => {
    const users = modules.filter((path) =>
      /from '[^']*\/use-action'/.test(readFileSync(join(SRC, path), 'utf8')),
    );
    expect(users.sort()).toEqual([
      'auth/ForgotPasswordPage.tsx',
      'auth/NewPasswordForm.tsx',
      'auth/SignInPage.tsx',
      'auth/TotpCodeForm.tsx',
      'auth/TotpSetupForm.tsx',
    ]);
  });
});

describe('the literal finder', () => {
  const rulesIn = (source: string) => findLiterals('example.tsx', source).map((f) => f.rule);

  it('finds the hand-written keys the console had', () => {
    expect(rulesIn(`useQuery({ queryKey: ['general', 'announcements'], queryFn })`)).toContain(
      'queryKey',
    );
    expect(rulesIn(`const LIST_KEY = ['x', 'announcements'] as const;`)).toEqual(['queryKey']);
    expect(rulesIn(`const userKey = (u: string) => ['x', 'user', u] as const;`)).toEqual([
      'queryKey',
    ]);
    expect(rulesIn(`queryClient.setQueryData(['me'], saved)`)).toEqual(['queryKey']);
    expect(rulesIn(`queryClient.invalidateQueries({ queryKey })`)).toEqual(['queryKey']);
  });

  it('lets keys made by the helper through', () => {
    expect(rulesIn(`queryClient.setQueryData(routeQuery('getMyProfile').queryKey, saved)`)).toEqual(
      [],
    );
    expect(rulesIn(`useQuery({ ...routeQuery('listUsers', { query }), placeholderData })`)).toEqual(
      [],
    );
  });

  it('finds route paths, whole or as the start of a template', () => {
    expect(rulesIn('<Link to="/admin/users" />')).toEqual(['routePath']);
    expect(rulesIn('const to = `/admin/users/${id}`;')).toEqual(['routePath']);
    expect(rulesIn(`fetch('/api/me')`)).toEqual(['routePath']);
    expect(rulesIn(`const base = '/apis'; const usage = 'GET /admin/whoami';`)).toEqual([]);
  });

  it('finds group names, but not the API names spelt alike', () => {
    expect(rulesIn(`function f(group: 'admin' | 'general') {}`)).toEqual([
      'groupName',
      'groupName',
    ]);
    expect(rulesIn(`useState<GroupName[]>(['general'])`)).toEqual(['groupName']);
    expect(rulesIn(`routesOf('admin'); if (options.api === 'general') {}`)).toEqual([]);
    expect(rulesIn(`const o = { api: { type: 'string', default: 'admin' } };`)).toEqual([]);
    expect(rulesIn(`switch (options.api) { case 'admin': break; }`)).toEqual([]);
  });
});
