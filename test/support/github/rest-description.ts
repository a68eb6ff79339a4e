/**
 * GitHub's REST description (`@octokit/openapi`, api.github.com), as the fake and the request
 * checks use it: which operation a `METHOD /path` is (its operationId and path parameters), and
 * whether a JSON body fits the operation's schema. Read from a compact index (descriptions.ts):
 * every operation, the request-body schemas and the components they refer to, documentation left out.
 */
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { loadIndex } from "./descriptions.js";
import { REST_DESCRIPTION } from "./rest-index.js";

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  template: string;
  operationId: string;
  body?: unknown;
  bodyRequired?: boolean;
}

let routes: Route[] | undefined;
/** Routes by `METHOD segment-count`: a path is only tried against templates of its length. */
let buckets: Map<string, Route[]> | undefined;
let byOperation: Map<string, Route> | undefined;
const found = new Map<string, RestOperation | null>();
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function load(): Route[] {
  if (routes) return routes;
  const index = loadIndex(REST_DESCRIPTION);
  // OpenAPI 3.0 schemas: `nullable` is no JSON Schema keyword, hence strict: false.
  ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
  (addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
  ajv.addSchema({ $id: "gh", components: index.components }, "gh");
  const literals = (template: string) => template.split("/").filter((s) => s && !s.startsWith("{")).length;
  routes = index.operations
    .map((op) => ({
      ...op,
      names: [...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
      regex: new RegExp("^" + op.template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "([^/]+)") + "$"),
    }))
    // Literal segments win over parameters when several templates match (/git/refs vs /git/{x}).
    .sort((a, b) => literals(b.template) - literals(a.template));
  byOperation = new Map(routes.map((r) => [r.operationId, r]));
  buckets = new Map();
  for (const r of routes) {
    const key = `${r.method} ${r.template.split("/").length}`;
    buckets.set(key, [...(buckets.get(key) ?? []), r]);
  }
  return routes;
}

/** Rewrites `{"$ref":"#/components/…"}` to resolve in the `gh` schema; OpenAPI's `nullable` as JSON Schema. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? "gh" + v : rebase(v);
  if (out.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  // …and without a `type` (a `oneOf`, e.g. an issue's `milestone`): the schema, or null.
  else if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

export interface RestOperation {
  operationId: string;
  template: string;
  /** Path parameters, decoded (`{ref}` of `/git/refs/heads%2Fa` is `heads/a`). */
  params: Record<string, string>;
}

/** The REST operation `METHOD /path` is (the path after the API base, query string allowed), or null. */
export function findOperation(method: string, path: string): RestOperation | null {
  const pathname = path.split("?")[0]!;
  const key = `${method.toUpperCase()} ${pathname}`;
  if (found.has(key)) return found.get(key)!;
  load();
  let op: RestOperation | null = null;
  for (const route of buckets!.get(`${method.toUpperCase()} ${pathname.split("/").length}`) ?? []) {
    const m = route.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
    op = { operationId: route.operationId, template: route.template, params };
    break;
  }
  if (found.size > 10_000) found.clear();
  found.set(key, op);
  return op;
}

export interface OpenApiMatch {
  operationId: string;
  template: string;
}

/**
 * Throws when `METHOD path` is not an operation of GitHub's REST description, or when `body`
 * does not fit it. `path` is the path after the API base (GHES's `/api/v3` taken off).
 */
export function assertRequestMatchesOpenApi(method: string, path: string, body: unknown): OpenApiMatch {
  const pathname = path.split("?")[0]!.replace(/^\/api\/v3(?=\/)/, "");
  const op = findOperation(method, pathname);
  if (!op) throw new Error(`${method} ${pathname} is not an operation of GitHub's REST API description`);
  const route = byOperation!.get(op.operationId)!;
  if (route.body && body !== undefined && body !== null && body !== "") {
    let validate = validators.get(route.operationId);
    if (!validate) {
      validate = ajv!.compile(rebase(route.body) as object);
      validators.set(route.operationId, validate);
    }
    if (!validate(body)) {
      throw new Error(
        `${method} ${pathname} (${route.operationId}): body does not fit GitHub's schema: ${ajv!.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
      );
    }
  } else if (route.body && route.bodyRequired && (body === undefined || body === "")) {
    throw new Error(`${method} ${pathname} (${route.operationId}) requires a body`);
  }
  return { operationId: op.operationId, template: op.template };
}
