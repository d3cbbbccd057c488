import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * HubSpot's own OpenAPI specs are read where they are kept, never copied into the repository:
 * `HUBSPOT_OPENAPI_DIR` (absolute, or relative to the repository root), by default
 * `../shared/hubspot-openapi`. A clone without them skips the contract tests that need them, with a
 * note naming the folder and the variable; `HUBSPOT_OPENAPI_REQUIRED=1` (set by `.ci/run`) turns a
 * missing folder into a failure.
 */
const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_SPEC_DIRECTORY = '../shared/hubspot-openapi';
export const SPEC_FILES = { v3: 'goal-targets-v3.json', dated: 'goal-targets-2026-03.json' } as const;

export interface SpecLocation {
  directory: string;
  /** Every spec file is there. */
  present: boolean;
  /** The environment says the specs must be there (CI). */
  required: boolean;
  /** Why the contract tests are skipped (or must fail), naming the folder and the variable. */
  note: string;
}

export function locateSpecs(env: Record<string, string | undefined> = process.env): SpecLocation {
  const directory = resolve(REPO_ROOT, env.HUBSPOT_OPENAPI_DIR || DEFAULT_SPEC_DIRECTORY);
  const missing = Object.values(SPEC_FILES).filter((file) => !existsSync(resolve(directory, file)));
  const required = env.HUBSPOT_OPENAPI_REQUIRED === '1';
  const note =
    missing.length === 0
      ? `HubSpot's OpenAPI specs: ${directory}`
      : `HubSpot's OpenAPI specs are not in ${directory} (missing ${missing.join(', ')}): the OpenAPI contract tests ${required ? 'cannot run, and HUBSPOT_OPENAPI_REQUIRED=1 makes that a failure' : 'are skipped'}. Set HUBSPOT_OPENAPI_DIR to the folder that holds them (default ${DEFAULT_SPEC_DIRECTORY}, relative to the repository root).`;
  return { directory, present: missing.length === 0, required, note };
}

interface OpenApiOperation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  };
}

/**
 * The SDK models `properties` values as `string | null`, and HubSpot answers `null` for a requested
 * property that has no value; the published spec says `string`. Allow null there and nowhere else.
 */
function allowNullPropertyValues(spec: OpenApiSpec): void {
  for (const schema of Object.values(spec.components.schemas)) {
    const properties =
      (schema.properties as Record<string, { additionalProperties?: { type?: unknown } }>) ?? {};
    const values = properties.properties?.additionalProperties;
    if (values?.type === 'string') values.type = ['string', 'null'];
  }
}

export interface Exchange {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** Validates recorded responses against the response schema the spec gives for that path and status. */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly specs: Array<{
    key: string;
    spec: OpenApiSpec;
    matchers: Array<{ regex: RegExp; template: string }>;
  }> = [];

  constructor(directory: string = locateSpecs().directory) {
    addFormats(this.ajv);
    this.ajv.addFormat('int32', true);
    this.ajv.addFormat('int64', true);
    for (const [key, file] of Object.entries(SPEC_FILES)) {
      const spec = JSON.parse(readFileSync(resolve(directory, file), 'utf8')) as OpenApiSpec;
      allowNullPropertyValues(spec);
      this.ajv.addSchema(spec as object, key);
      const matchers = Object.keys(spec.paths).map((template) => ({
        template,
        regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }));
      this.specs.push({ key, spec, matchers });
    }
  }

  /** The validator for this exchange's response, or a reason why the spec has none. */
  private validatorFor(exchange: Exchange): ValidateFunction | string {
    for (const { key, spec, matchers } of this.specs) {
      const match = matchers.find((matcher) => matcher.regex.test(exchange.path));
      if (!match) continue;
      const operation = spec.paths[match.template]?.[exchange.method.toLowerCase()];
      if (!operation) return `the spec has no ${exchange.method} ${match.template}`;
      const response = operation.responses[String(exchange.status)] ?? operation.responses.default;
      if (!response) return `the spec lists no ${exchange.status} for ${exchange.method} ${match.template}`;
      const ref =
        response.$ref !== undefined
          ? spec.components.responses[response.$ref.split('/').pop() ?? '']?.content?.['*/*']?.schema?.$ref
          : Object.values(response.content ?? {})[0]?.schema?.$ref;
      if (ref === undefined) return 'no-body';
      const validate = this.ajv.getSchema(`${key}${ref}`);
      if (!validate) return `cannot resolve ${ref}`;
      return validate;
    }
    return `no spec path matches ${exchange.path}`;
  }

  /** Problems found in one exchange (empty when it matches the spec). */
  problems(exchange: Exchange): string[] {
    const validator = this.validatorFor(exchange);
    if (validator === 'no-body') return exchange.body === undefined ? [] : ['expected no body'];
    if (typeof validator === 'string') return [validator];
    return validator(exchange.body)
      ? []
      : (validator.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  }
}
