/**
 * GitHub's REST description (`@octokit/openapi`, api.github.com, 13 MB) reduced to what the
 * request checks need (descriptions.ts keeps the result): every operation (method, path
 * template, operationId) and its JSON request-body schema, with the components those schemas
 * refer to; documentation keywords left out.
 */
import type { Description } from "./descriptions.js";

interface OpenApiOperation {
  operationId: string;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
}
interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, unknown>>;
}

export interface RestIndex {
  operations: { method: string; template: string; operationId: string; body?: unknown; bodyRequired?: boolean }[];
  /** The components the request bodies refer to (`#/components/schemas/x`), nested as in the description. */
  components: Record<string, Record<string, unknown>>;
}

const METHODS = ["get", "post", "put", "patch", "delete"];
/** Schema keywords that only document: dropped (but a property may be named `description`). */
const ANNOTATIONS = new Set(["description", "example", "examples", "title", "externalDocs"]);

function strip(schema: unknown, isMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => strip(s));
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (isMap) out[key] = strip(value);
    else if (!ANNOTATIONS.has(key) && !key.startsWith("x-")) out[key] = strip(value, key === "properties" || key === "patternProperties");
  }
  return out;
}

export function buildRestIndex(spec: OpenApi): RestIndex {
  const operations: RestIndex["operations"] = [];
  const components: RestIndex["components"] = {};
  const seen = new Set<string>();
  const collectRefs = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(collectRefs);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/") && !seen.has(value)) {
        seen.add(value);
        const [, , group, name] = value.split("/") as [string, string, string, string];
        const target = spec.components[group]![name];
        (components[group] ??= {})[name] = strip(target);
        collectRefs(target);
      } else collectRefs(value);
    }
  };
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const body = op.requestBody?.content?.["application/json"]?.schema;
      if (body) collectRefs(body);
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId,
        ...(body ? { body: strip(body), bodyRequired: op.requestBody?.required === true } : {}),
      });
    }
  }
  return { operations, components };
}

export const REST_DESCRIPTION: Description<RestIndex> = {
  pkg: "@octokit/openapi",
  file: "generated/api.github.com.json",
  builder: new URL(import.meta.url),
  build: buildRestIndex as (d: never) => RestIndex,
};
