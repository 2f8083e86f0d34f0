import type { HttpMethod, RouteDefinition, RouteName } from '@contract';

export interface MatchedRoute {
  name: RouteName;
  route: RouteDefinition;
  /** Decoded values of the `{name}` segments. */
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  name: RouteName;
  route: RouteDefinition;
  segments: string[];
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment, i) => i > 0 || segment !== '');
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Matches request paths to an API's resources as API Gateway does: `{name}` is one segment. */
export class RouteTable {
  private readonly routes: CompiledRoute[];

  constructor(routes: ReadonlyArray<[RouteName, RouteDefinition]>) {
    this.routes = routes.map(([name, route]) => ({ name, route, segments: splitPath(route.path) }));
  }

  /** The routes whose resource is this path, whatever their method. */
  resourceAt(rawPath: string): MatchedRoute[] {
    const segments = splitPath(rawPath).map(decodeSegment);
    if (segments.some((s) => s === undefined || s === '')) return [];
    const matches: MatchedRoute[] = [];
    for (const compiled of this.routes) {
      const params = matchSegments(compiled.segments, segments as string[]);
      if (params)
        matches.push({ name: compiled.name, route: compiled.route, pathParameters: params });
    }
    return matches;
  }

  find(method: string, rawPath: string): MatchedRoute | undefined {
    const candidates = this.resourceAt(rawPath).filter((m) => m.route.method === method);
    // A literal segment beats a parameter, as API Gateway prefers the most specific resource.
    return candidates.sort((a, b) => paramCount(a) - paramCount(b))[0];
  }

  methodsAt(rawPath: string): HttpMethod[] {
    return [...new Set(this.resourceAt(rawPath).map((m) => m.route.method))];
  }
}

const paramCount = (m: MatchedRoute) => Object.keys(m.pathParameters).length;

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    const a = actual[i]!;
    const param = /^\{(\w+)\}$/.exec(t);
    if (param) params[param[1]!] = a;
    else if (t !== a) return undefined;
  }
  return params;
}
