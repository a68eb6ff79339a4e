/**
 * GitHub's GraphQL schema (`@octokit/graphql-schema`, a 5 MB introspection) reduced to what the
 * query check needs (descriptions.ts keeps the result): every type with its fields, arguments,
 * interfaces, possible types, enum values and input fields, type references in GraphQL's
 * notation (`[Label!]!`), documentation and deprecation left out.
 */
import type { Description } from "./descriptions.js";

/** A type reference in GraphQL's notation: `String`, `[Label!]!`. */
export type TypeRef = string;
export interface Arg {
  type: TypeRef;
  default?: string;
}
export type CompactType =
  | {
      kind: "OBJECT" | "INTERFACE";
      fields: Record<string, { type: TypeRef; args?: Record<string, Arg> }>;
      interfaces?: string[];
      possibleTypes?: string[];
    }
  | { kind: "UNION"; possibleTypes: string[] }
  | { kind: "ENUM"; values: string[] }
  | { kind: "INPUT_OBJECT"; fields: Record<string, Arg> }
  | { kind: "SCALAR" };

export interface GraphqlIndex {
  query: string;
  mutation: string | null;
  types: Record<string, CompactType>;
  directives: { name: string; locations: string[]; args: Record<string, Arg>; repeatable: boolean }[];
}

interface RawRef {
  kind: string;
  name: string | null;
  ofType: RawRef | null;
}
interface RawArg {
  name: string;
  type: RawRef;
  defaultValue: string | null;
}
interface RawType {
  kind: string;
  name: string;
  fields: { name: string; args: RawArg[]; type: RawRef }[] | null;
  inputFields: RawArg[] | null;
  interfaces: { name: string }[] | null;
  possibleTypes: { name: string }[] | null;
  enumValues: { name: string }[] | null;
}
interface RawSchema {
  __schema: {
    queryType: { name: string };
    mutationType: { name: string } | null;
    types: RawType[];
    directives: { name: string; locations: string[]; args: RawArg[]; isRepeatable?: boolean }[];
  };
}

const refText = (r: RawRef): string =>
  r.kind === "NON_NULL" ? `${refText(r.ofType!)}!` : r.kind === "LIST" ? `[${refText(r.ofType!)}]` : r.name!;
const args = (list: RawArg[]): Record<string, Arg> =>
  Object.fromEntries(list.map((a) => [a.name, { type: refText(a.type), ...(a.defaultValue !== null ? { default: a.defaultValue } : {}) }]));

export function buildGraphqlIndex(raw: RawSchema): GraphqlIndex {
  const s = raw.__schema;
  const types: Record<string, CompactType> = {};
  for (const t of s.types) {
    if (t.name.startsWith("__")) continue;
    if (t.kind === "OBJECT" || t.kind === "INTERFACE") {
      types[t.name] = {
        kind: t.kind,
        fields: Object.fromEntries(
          (t.fields ?? []).map((f) => [f.name, { type: refText(f.type), ...(f.args.length > 0 ? { args: args(f.args) } : {}) }]),
        ),
        ...(t.interfaces?.length ? { interfaces: t.interfaces.map((i) => i.name) } : {}),
        ...(t.possibleTypes?.length ? { possibleTypes: t.possibleTypes.map((p) => p.name) } : {}),
      };
    } else if (t.kind === "UNION") types[t.name] = { kind: "UNION", possibleTypes: (t.possibleTypes ?? []).map((p) => p.name) };
    else if (t.kind === "ENUM") types[t.name] = { kind: "ENUM", values: (t.enumValues ?? []).map((v) => v.name) };
    else if (t.kind === "INPUT_OBJECT") types[t.name] = { kind: "INPUT_OBJECT", fields: args(t.inputFields ?? []) };
    else types[t.name] = { kind: "SCALAR" };
  }
  return {
    query: s.queryType.name,
    mutation: s.mutationType?.name ?? null,
    types,
    directives: s.directives.map((d) => ({
      name: d.name,
      locations: d.locations,
      args: args(d.args),
      repeatable: d.isRepeatable === true,
    })),
  };
}

export const GRAPHQL_DESCRIPTION: Description<GraphqlIndex> = {
  pkg: "@octokit/graphql-schema",
  file: "schema.json",
  builder: new URL(import.meta.url),
  build: buildGraphqlIndex as (d: never) => GraphqlIndex,
};
