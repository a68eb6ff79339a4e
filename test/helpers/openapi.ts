/**
 * Checks that a request the app sends exists in GitHub's published REST description
 * (`@octokit/openapi`, api.github.com) and that its JSON body fits the operation's schema.
 * Only the 13 MB non-dereferenced description is loaded, once per test file.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const require = createRequire(import.meta.url);
const specPath = require.resolve("@octokit/openapi/generated/api.github.com.json");

interface Operation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: { name: string; in: string; required?: boolean }[];
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
}

let spec: Spec | undefined;
let ajv: Ajv | undefined;
const routes: { method: string; regex: RegExp; template: string; op: Operation }[] = [];
const validators = new Map<string, ValidateFunction>();

function load(): void {
  if (spec) return;
  spec = JSON.parse(readFileSync(specPath, "utf8")) as Spec;
  // OpenAPI 3.0 schemas: `nullable`, `example`… are not JSON Schema keywords, hence strict: false.
  ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema({ $id: "gh", components: spec.components }, "gh");
  for (const [template, item] of Object.entries(spec.paths)) {
    const regex = new RegExp("^" + template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+") + "$");
    for (const [method, op] of Object.entries(item)) {
      if (["get", "post", "put", "patch", "delete"].includes(method)) routes.push({ method: method.toUpperCase(), regex, template, op });
    }
  }
  // Prefer literal segments over parameters when several templates match (e.g. /git/refs vs /git/{x}).
  routes.sort((a, b) => literalWeight(b.template) - literalWeight(a.template));
}

function literalWeight(template: string): number {
  return template.split("/").filter((s) => s && !s.startsWith("{")).length;
}

/** Rewrites `{"$ref":"#/components/…"}` so that the schema resolves inside the `gh` schema. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) {
      out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? "gh" + v : rebase(v);
    }
    // OpenAPI 3.0 `nullable: true` → also accept null.
    if (out.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
    // …and without a `type` (`oneOf` of several, e.g. an issue's `milestone`): the schema, or null.
    else if (out.nullable === true && out.type === undefined) {
      delete out.nullable;
      return { anyOf: [out, { type: "null" }] };
    }
    return out;
  }
  return schema;
}

export interface OpenApiMatch {
  operationId: string;
  template: string;
}

/**
 * Throws when `method path` is not a GitHub REST operation, or when `body` does not fit it.
 * `path` is the path after the API base (GHES's `/api/v3` prefix removed).
 */
export function assertRequestMatchesOpenApi(method: string, path: string, body: unknown): OpenApiMatch {
  load();
  const pathname = path.split("?")[0]!.replace(/^\/api\/v3(?=\/)/, "");
  const route = routes.find((r) => r.method === method.toUpperCase() && r.regex.test(pathname));
  if (!route) throw new Error(`${method} ${pathname} is not an operation of GitHub's REST API description`);
  const schema = route.op.requestBody?.content?.["application/json"]?.schema;
  if (schema && body !== undefined && body !== null && body !== "") {
    let validate = validators.get(route.op.operationId);
    if (!validate) {
      validate = ajv!.compile(rebase(schema) as object);
      validators.set(route.op.operationId, validate);
    }
    if (!validate(body)) {
      throw new Error(
        `${method} ${pathname} (${route.op.operationId}): body does not fit GitHub's schema: ${ajv!.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
      );
    }
  } else if (schema && (route.op as { requestBody?: { required?: boolean } }).requestBody?.required && (body === undefined || body === "")) {
    throw new Error(`${method} ${pathname} (${route.op.operationId}) requires a body`);
  }
  return { operationId: route.op.operationId, template: route.template };
}
