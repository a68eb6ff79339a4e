/**
 * GitHub's GraphQL schema (`@octokit/graphql-schema`), as the request checks use it: is a query
 * valid against it? The 5 MB introspection is reduced once to a compact index (descriptions.ts:
 * types, fields, arguments, no documentation). For each query, the part of the schema the query
 * can reach is rebuilt from the index (the types it names, the fields it selects with all their
 * arguments, every possible type of an interface or union it meets, every enum value and input
 * field) and graphql-js validates the query against that part: what the rules consult is there
 * as GitHub publishes it, so the verdict is the whole schema's (test/harness/graphql-check.test.ts
 * compares them). Verdicts are kept per query text.
 */
import {
  buildClientSchema,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type IntrospectionQuery,
  type IntrospectionTypeRef,
  type SelectionSetNode,
  type TypeNode,
} from "graphql";
import { loadIndex } from "./descriptions.js";
import { GRAPHQL_DESCRIPTION, type Arg, type CompactType, type GraphqlIndex, type TypeRef } from "./graphql-index.js";

const namedType = (ref: TypeRef): string => ref.replace(/[[\]!]/g, "");
const namedTypeOfNode = (node: TypeNode): string => (node.kind === Kind.NAMED_TYPE ? node.name.value : namedTypeOfNode(node.type));

function typeRef(ref: TypeRef, types: Record<string, CompactType>): IntrospectionTypeRef {
  if (ref.endsWith("!")) return { kind: "NON_NULL", ofType: typeRef(ref.slice(0, -1), types) } as IntrospectionTypeRef;
  if (ref.startsWith("[")) return { kind: "LIST", ofType: typeRef(ref.slice(1, -1), types) } as IntrospectionTypeRef;
  return { kind: types[ref]?.kind ?? "SCALAR", name: ref } as IntrospectionTypeRef;
}

/** The part of the schema `doc` can reach, as an introspection result. */
function slice(index: GraphqlIndex, doc: DocumentNode): IntrospectionQuery {
  const included = new Set<string>();
  const selected = new Map<string, Set<string>>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const include = (name: string): void => {
    const t = index.types[name];
    if (!t || included.has(name)) return;
    included.add(name);
    if (t.kind === "INPUT_OBJECT") for (const f of Object.values(t.fields)) include(namedType(f.type));
    // An abstract type brings every possible type: fragment spreads are checked against them.
    if ((t.kind === "INTERFACE" || t.kind === "UNION") && t.possibleTypes) for (const p of t.possibleTypes) include(p);
  };
  const walk = (typeName: string, set: SelectionSetNode, spread: Set<string>): void => {
    include(typeName);
    const t = index.types[typeName];
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!t || !("fields" in t) || t.kind === "INPUT_OBJECT") continue;
        const field = t.fields[sel.name.value];
        if (!field) continue; // unknown: the validation says so
        (selected.get(typeName) ?? selected.set(typeName, new Set()).get(typeName)!).add(sel.name.value);
        for (const a of Object.values(field.args ?? {})) include(namedType(a.type));
        include(namedType(field.type));
        if (sel.selectionSet) walk(namedType(field.type), sel.selectionSet, spread);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition?.name.value ?? typeName;
        if (index.types[on]) walk(on, sel.selectionSet, spread);
      } else {
        const fragment = fragments.get(sel.name.value);
        if (fragment && !spread.has(fragment.name.value) && index.types[fragment.typeCondition.name.value]) {
          walk(fragment.typeCondition.name.value, fragment.selectionSet, new Set([...spread, fragment.name.value]));
        }
      }
    }
  };
  for (const d of doc.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) {
      const root = d.operation === "mutation" ? index.mutation : d.operation === "query" ? index.query : null;
      for (const v of d.variableDefinitions ?? []) include(namedTypeOfNode(v.type));
      if (root) walk(root, d.selectionSet, new Set());
    } else if (d.kind === Kind.FRAGMENT_DEFINITION && index.types[d.typeCondition.name.value])
      walk(d.typeCondition.name.value, d.selectionSet, new Set([d.name.value]));
  }
  include(index.query);
  if (index.mutation) include(index.mutation);
  for (const d of index.directives) for (const a of Object.values(d.args)) include(namedType(a.type));
  for (const builtIn of ["String", "Boolean"]) include(builtIn);

  const inputValues = (list: Record<string, Arg>) =>
    Object.entries(list).map(([name, a]) => ({
      name,
      description: null,
      type: typeRef(a.type, index.types),
      defaultValue: a.default ?? null,
      isDeprecated: false,
      deprecationReason: null,
    }));
  const types = [...included].map((name) => {
    const t = index.types[name]!;
    const base = { name, description: null };
    switch (t.kind) {
      case "OBJECT":
      case "INTERFACE":
        return {
          ...base,
          kind: t.kind,
          fields: [...(selected.get(name) ?? [])].map((f) => ({
            name: f,
            description: null,
            args: inputValues(t.fields[f]!.args ?? {}),
            type: typeRef(t.fields[f]!.type, index.types),
            isDeprecated: false,
            deprecationReason: null,
          })),
          interfaces: (t.interfaces ?? []).filter((i) => included.has(i)).map((i) => ({ kind: "INTERFACE", name: i })),
          ...(t.kind === "INTERFACE" ? { possibleTypes: (t.possibleTypes ?? []).map((p) => ({ kind: "OBJECT", name: p })) } : {}),
        };
      case "UNION":
        return { ...base, kind: t.kind, possibleTypes: t.possibleTypes.map((p) => ({ kind: "OBJECT", name: p })) };
      case "ENUM":
        return {
          ...base,
          kind: t.kind,
          enumValues: t.values.map((v) => ({ name: v, description: null, isDeprecated: false, deprecationReason: null })),
        };
      case "INPUT_OBJECT":
        return { ...base, kind: t.kind, inputFields: inputValues(t.fields) };
      default:
        return { ...base, kind: t.kind };
    }
  });
  return {
    __schema: {
      queryType: { name: index.query, kind: "OBJECT" },
      mutationType: index.mutation ? { name: index.mutation, kind: "OBJECT" } : null,
      subscriptionType: null,
      types,
      directives: index.directives.map((d) => ({
        name: d.name,
        description: null,
        locations: d.locations,
        args: inputValues(d.args),
        isRepeatable: d.repeatable,
      })),
    },
  } as unknown as IntrospectionQuery;
}

let index: GraphqlIndex | undefined;
const verdicts = new Map<string, string[]>();

/** The errors of `query` against GitHub's GraphQL schema ([] when valid). */
export function graphqlErrors(query: string): string[] {
  const known = verdicts.get(query);
  if (known) return known;
  index ??= loadIndex(GRAPHQL_DESCRIPTION);
  let errors: string[];
  try {
    const doc = parse(query);
    errors = validate(buildClientSchema(slice(index, doc), { assumeValid: true }), doc).map((e) => e.message);
  } catch (error) {
    errors = [(error as Error).message];
  }
  verdicts.set(query, errors);
  return errors;
}

/** Throws unless `query` is valid against GitHub's GraphQL schema. */
export function assertValidGraphql(query: string): void {
  const errors = graphqlErrors(query);
  if (errors.length > 0) throw new Error(`GraphQL query outside GitHub's schema: ${errors.join("; ")}`);
}
