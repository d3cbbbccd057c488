import type { ApiRequest, ApiResponse } from './types.js';

export type RateLimitClass = 'standard' | 'search';

export interface Route<C> {
  method: string;
  template: string;
  /** Path parameters that stay literal in the counter key (`objectType`), the others stay `{name}`. */
  literalParams?: string[];
  rateLimit: RateLimitClass;
  handle(context: C, request: ApiRequest): ApiResponse | Promise<ApiResponse>;
}

export interface RouteMatch<C> {
  route: Route<C>;
  params: Record<string, string>;
  /** `METHOD /path/template` with literal params filled in: the per-endpoint counter key. */
  counterKey: string;
}

interface CompiledRoute<C> {
  route: Route<C>;
  segments: string[];
}

/** A tiny exact-segment router; routes are tried in order, so literal paths go before `{id}` ones. */
export class Router<C> {
  private readonly compiled: CompiledRoute<C>[];

  constructor(routes: Route<C>[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.template.split('/').filter(Boolean) }));
  }

  match(method: string, pathname: string): RouteMatch<C> | undefined {
    const segments = pathname.split('/').filter(Boolean).map(safeDecode);
    for (const { route, segments: template } of this.compiled) {
      if (route.method !== method || template.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const keyParts: string[] = [];
      let matched = true;
      for (let i = 0; i < template.length; i++) {
        const part = template[i] ?? '';
        const actual = segments[i] ?? '';
        if (part.startsWith('{')) {
          const name = part.slice(1, -1);
          params[name] = actual;
          keyParts.push(route.literalParams?.includes(name) ? actual : part);
        } else if (part === actual) {
          keyParts.push(part);
        } else {
          matched = false;
          break;
        }
      }
      if (matched) return { route, params, counterKey: `${method} /${keyParts.join('/')}` };
    }
    return undefined;
  }

  /** Whether any route has this path (for 405-free 404s on a wrong method). */
  hasPath(pathname: string): boolean {
    return ['GET', 'POST', 'PATCH', 'DELETE', 'PUT'].some(
      (method) => this.match(method, pathname) !== undefined,
    );
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
