import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  buildClientSchema,
  getNamedType,
  GraphQLError,
  introspectionFromSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
  specifiedRules,
  validate,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../utils/test-app.util';

const ROOT = join(__dirname, '..', '..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)]
  .filter((name) => name.endsWith('.md'))
  .sort();

const PAGED_FIELDS = [
  'Query.jobs',
  'Query.messages',
  'Query.metaAnalyticsPulls',
  'Query.notificationDeliveries',
  'Query.reconciliation',
  'Query.setAsideEvents',
];

/** The schema the service serves, as a client sees it through introspection. */
describe('the API style, over the schema the service builds', () => {
  let testApp: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    testApp = await createTestApp('sqlite');
    schema = buildClientSchema(introspectionFromSchema(testApp.app.get(GraphQLSchemaHost).schema));
  });
  afterAll(async () => {
    await testApp.close();
  });

  function objectFields(): { where: string; field: GraphQLField<unknown, unknown> }[] {
    return Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) =>
        Object.values(
          (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields(),
        ).map((field) => ({ where: `${type.name}.${field.name}`, field })),
      );
  }

  it('spells every enum value in upper case', () => {
    const enums = Object.values(schema.getTypeMap()).filter(
      (type) => isEnumType(type) && !type.name.startsWith('__'),
    );
    expect(enums.map((type) => type.name)).toEqual(
      expect.arrayContaining(['ApiKeyRole', 'ExportStatus', 'MessageStatus', 'JobStatus']),
    );
    const misspelt = enums.flatMap((type) =>
      isEnumType(type)
        ? type
            .getValues()
            .filter((value) => !/^[A-Z][A-Z0-9_]*$/.test(value.name))
            .map((value) => `${type.name}.${value.name}`)
        : [],
    );
    expect(misspelt).toEqual([]);
  });

  it('answers a connection from every field that takes first: edges { node cursor }, pageInfo { hasNextPage endCursor }', () => {
    const paged = objectFields().filter(({ field }) =>
      field.args.some((arg) => arg.name === 'first'),
    );
    expect(paged.map(({ where }) => where).sort()).toEqual(PAGED_FIELDS);
    const problems = paged.flatMap(({ where, field }) => connectionProblems(where, field));
    expect(problems).toEqual([]);
  });

  it('types every role and status as an enum, in fields and in arguments', () => {
    const named = (name: string) => name === 'role' || name === 'status' || /Status$/.test(name);
    const fields = objectFields().filter(({ field }) => named(field.name));
    const args = objectFields().flatMap(({ where, field }) =>
      field.args
        .filter((arg) => named(arg.name))
        .map((arg) => ({ where: `${where}(${arg.name})`, type: arg.type })),
    );
    const all = [...fields.map(({ where, field }) => ({ where, type: field.type })), ...args];
    expect(all.map(({ where }) => where)).toEqual(
      expect.arrayContaining([
        'ApiKey.role',
        'Export.status',
        'Message.status',
        'MetaAnalyticsPull.status',
        'MonthClose.status',
        'NotificationDelivery.status',
        'Query.notificationDeliveries(status)',
        'Waba.accessTokenStatus',
      ]),
    );
    const strings = all
      .filter(({ type }) => !isEnumType(getNamedType(type)))
      .map(({ where, type }) => `${where}: ${String(type)}`);
    expect(strings).toEqual([]);
  });

  it('accepts every GraphQL example of the README and docs/*.md', () => {
    const examples = DOCS.flatMap((file) => examplesOf(file));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const problems = examples.flatMap((example) => {
      let document;
      try {
        document = parse(example.source);
      } catch (error) {
        return [`${example.where}: ${(error as GraphQLError).message}`];
      }
      // A block may show several operations, each an example of its own.
      return document.definitions.flatMap((definition) =>
        validate(schema, { kind: Kind.DOCUMENT, definitions: [definition] }).map(
          (error) => `${example.where}: ${error.message}`,
        ),
      );
    });
    expect(problems).toEqual([]);
  });

  it('knows every field, argument and enum value the docs name in inline examples', () => {
    const rules = specifiedRules.filter(
      (rule) => rule !== ScalarLeafsRule && rule !== ProvidedRequiredArgumentsRule,
    );
    const spans = DOCS.flatMap((file) => inlineSpansOf(file, schema));
    const operations = spans.filter((span) => span.parses);
    const signatures = spans.filter((span) => !span.parses);
    expect(operations.length).toBeGreaterThanOrEqual(4);
    expect(signatures.length).toBeGreaterThanOrEqual(20);
    const problems = [
      ...operations.flatMap((span) =>
        validate(schema, parse(span.source), rules).map(
          (error) => `${span.where}: ${error.message}`,
        ),
      ),
      ...signatures.flatMap((span) => signatureProblems(span, schema)),
    ];
    expect(problems).toEqual([]);
  });
});

function connectionProblems(where: string, field: GraphQLField<unknown, unknown>): string[] {
  const problems: string[] = [];
  if (!field.args.some((arg) => arg.name === 'after')) problems.push(`${where}: no after argument`);
  const connection = nonNullOf(field.type);
  if (!connection || !isObjectType(connection)) return [...problems, `${where}: not a Connection!`];
  const fields = connection.getFields();
  const edgeList = fields.edges ? nonNullOf(fields.edges.type) : null;
  const edge = edgeList && isListType(edgeList) ? nonNullOf(edgeList.ofType) : null;
  if (!edge || !isObjectType(edge)) {
    problems.push(`${where}: ${connection.name}.edges is not [Edge!]!`);
  } else {
    const edgeFields = edge.getFields();
    if (!edgeFields.node || !isNonNullType(edgeFields.node.type)) {
      problems.push(`${where}: ${edge.name}.node is not non-null`);
    }
    if (String(edgeFields.cursor?.type) !== 'String!') {
      problems.push(`${where}: ${edge.name}.cursor is not String!`);
    }
  }
  const pageInfo = fields.pageInfo ? nonNullOf(fields.pageInfo.type) : null;
  if (!pageInfo || !isObjectType(pageInfo) || pageInfo.name !== 'PageInfo') {
    problems.push(`${where}: ${connection.name}.pageInfo is not PageInfo!`);
  } else {
    const info = pageInfo.getFields();
    if (String(info.hasNextPage?.type) !== 'Boolean!') problems.push('PageInfo.hasNextPage');
    if (String(info.endCursor?.type) !== 'String') problems.push('PageInfo.endCursor');
  }
  return problems;
}

function nonNullOf(type: GraphQLOutputType): GraphQLOutputType | null {
  return isNonNullType(type) ? type.ofType : null;
}

interface Example {
  where: string;
  source: string;
}

/** Fenced ```graphql blocks, and the "query" of JSON bodies in any fenced block (curl -d). */
function examplesOf(file: string): Example[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const examples: Example[] = [];
  for (const block of text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)) {
    const where = `${file}:${lineOf(text, block.index)}`;
    if (block[1] === 'graphql') examples.push({ where, source: block[2] });
    for (const body of block[2].matchAll(/"query":("(?:[^"\\]|\\.)*")/g)) {
      examples.push({ where, source: JSON.parse(body[1]) as string });
    }
  }
  return examples;
}

interface InlineSpan extends Example {
  /** The root field named first, e.g. monthCloses. */
  root: string;
  /** The span as written, on one line. */
  code: string;
  /** Whether `{ <code> }` is a GraphQL document (else it is a signature such as `monthCloses(wabaId, month)`). */
  parses: boolean;
}

/** Inline code that starts with a root field and arguments or a selection. */
function inlineSpansOf(file: string, schema: GraphQLSchema): InlineSpan[] {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/^```[\s\S]*?^```/gm, (block) =>
    block.replace(/[^\n]/g, ' '),
  );
  const spans: InlineSpan[] = [];
  for (const span of text.matchAll(/`([^`]+)`/g)) {
    const code = span[1].replace(/\s+/g, ' ').replace(/\\\|/g, '|').trim();
    const root = /^([a-z]\w*)\s*[({]/.exec(code)?.[1];
    if (root === undefined) continue;
    const operation = rootFieldsOf(schema).query[root]
      ? 'query'
      : rootFieldsOf(schema).mutation[root]
        ? 'mutation'
        : null;
    if (operation === null) continue;
    const source = `${operation} { ${code} }`;
    let parses = true;
    try {
      parse(source);
    } catch {
      parses = false;
    }
    spans.push({ where: `${file}:${lineOf(text, span.index)}`, source, root, code, parses });
  }
  return spans;
}

function rootFieldsOf(schema: GraphQLSchema) {
  return {
    query: schema.getQueryType()!.getFields(),
    mutation: schema.getMutationType()!.getFields(),
  };
}

/**
 * A signature as the docs write one: `messages(filter, first, after)`,
 * `setBudget(input: { wabaId | portfolioId, amount, currency })`,
 * `createExport(input: { kind: META_RECONCILIATION, format: CSV | XLSX, month })`: every
 * argument and input field named exists, and every enum value given is one of its type.
 */
function signatureProblems(span: InlineSpan, schema: GraphQLSchema): string[] {
  const roots = rootFieldsOf(schema);
  const field = roots.query[span.root] ?? roots.mutation[span.root];
  const inside = /^\w+\s*\((.*)\)$/.exec(span.code)?.[1];
  if (inside === undefined) return [];
  const problems: string[] = [];
  for (const part of splitTopLevel(inside)) {
    const name = /^\s*([a-zA-Z]\w*)/.exec(part)?.[1];
    if (name === undefined) continue;
    const arg = field.args.find((candidate) => candidate.name === name);
    if (!arg) {
      problems.push(`${span.where}: ${span.root} has no argument ${name}`);
      continue;
    }
    const braces = /\{(.*)\}/.exec(part)?.[1];
    const input = getNamedType(arg.type);
    if (braces === undefined || !isInputObjectType(input)) continue;
    const fields = input.getFields();
    for (const entry of braces.split(',')) {
      const [keys, value] = entry.split(/[:=]/, 2);
      for (const key of keys.split(/[|+?]/).map((word) => word.trim())) {
        if (!/^[a-z]\w*$/.test(key)) continue;
        if (!fields[key]) {
          problems.push(`${span.where}: ${input.name} has no field ${key}`);
          continue;
        }
        const type = getNamedType(fields[key].type);
        const values = (value ?? '').split('|').map((word) => word.trim());
        for (const enumValue of values.filter((word) => /^[A-Z][A-Z0-9_]*$/.test(word))) {
          if (!isEnumType(type) || !type.getValue(enumValue)) {
            problems.push(`${span.where}: ${input.name}.${key} has no value ${enumValue}`);
          }
        }
      }
    }
  }
  return problems;
}

/** Splits `a, b: { c, d }, e` at the commas outside braces. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  return [...parts, current];
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
