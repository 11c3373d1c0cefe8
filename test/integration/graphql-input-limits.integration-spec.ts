import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputField,
} from 'graphql';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { argumentLimitsOf, limitsOf } from '../../src/common/graphql/input-limits.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { inbound, PHONE, postWebhook, WABA } from '../utils/webhook.util';

interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const RATES_HEADER =
  'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service';

describeEachDatabase(
  'GraphQL input limits: a client mistake is never an internal error',
  (kind) => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await createTestApp(kind);
      await postWebhook(testApp, inbound('wamid.limits-1', '447700900123', '2026-08-03T10:00:00Z'));
      await postWebhook(testApp, inbound('wamid.limits-2', '447700900123', '2026-08-03T11:00:00Z'));
    });
    afterAll(async () => {
      await testApp.close();
    });

    const post = async (
      query: string,
      variables: Record<string, unknown> = {},
      key = testApp.keys.admin,
    ): Promise<Answer> => {
      const response = await request(testApp.app.getHttpServer() as App)
        .post('/graphql')
        .set('Authorization', `Bearer ${key}`)
        .send({ query, variables });
      return { status: response.status, ...(response.body as Omit<Answer, 'status'>) };
    };
    const firstError = (answer: Answer) => ({
      status: answer.status,
      code: answer.errors?.[0]?.extensions?.code,
      message: answer.errors?.[0]?.message,
    });

    describe('messages', () => {
      const PAGE = `query ($after: String) { messages(first: 1, after: $after) {
      edges { cursor node { wamid } } pageInfo { endCursor } } }`;

      it('reads after: null as the first page', async () => {
        const first = await post(PAGE, {});
        const withNull = await post(PAGE, { after: null });
        const literal = await post(
          `{ messages(first: 1, after: null) { edges { node { wamid } } } }`,
        );
        expect(withNull.errors).toBeUndefined();
        expect(withNull.data).toEqual(first.data);
        expect(literal.data!.messages.edges).toEqual([{ node: { wamid: 'wamid.limits-1' } }]);
        const second = await post(PAGE, { after: first.data!.messages.pageInfo.endCursor });
        expect(second.data!.messages.edges.map((edge: any) => edge.node.wamid)).toEqual([
          'wamid.limits-2',
        ]);
      });

      it('refuses a malformed cursor as BAD_USER_INPUT', async () => {
        expect(firstError(await post(PAGE, { after: 'zzz' }))).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: 'after must be an endCursor or edge cursor returned by messages; got "zzz"',
        });
        const overflowing = Buffer.from('message:1234567890123456').toString('base64url');
        expect(firstError(await post(PAGE, { after: overflowing }))).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: `after must be an endCursor or edge cursor returned by messages; got "${overflowing}"`,
        });
      });

      it('refuses a reconciliation cursor beyond any message id', async () => {
        const page = (after: string) =>
          post(
            `query ($after: String) { reconciliation(input: { from: "2026-08-01", to: "2026-09-01" }, after: $after) { pageInfo { hasNextPage } } }`,
            { after },
          );
        const cursor = (id: string) => Buffer.from(`reconciliation:${id}`).toString('base64url');
        expect(firstError(await page(cursor('999999999999999')))).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: `after must be an endCursor or edge cursor returned by reconciliation; got "${cursor('999999999999999')}"`,
        });
        expect((await page(cursor('2147483647'))).data).toEqual({
          reconciliation: { pageInfo: { hasNextPage: false } },
        });
      });

      it('refuses an instant that is not ISO-8601, as a literal or a variable', async () => {
        const message =
          'DateTime values are ISO-8601 instants such as "2026-03-01T00:00:00Z", "2026-03-01T09:30:00+05:30" or "2026-03-01"; got "yesterday"';
        expect(
          firstError(
            await post(`{ messages(filter: { from: "yesterday" }) { edges { cursor } } }`),
          ),
        ).toEqual({ status: 400, code: 'BAD_USER_INPUT', message });
        expect(
          firstError(
            await post(
              `query ($filter: MessageFilter) { messages(filter: $filter) { edges { cursor } } }`,
              { filter: { from: 'yesterday' } },
            ),
          ),
        ).toEqual({ status: 400, code: 'BAD_USER_INPUT', message });
        expect(
          firstError(await post(`{ messages(filter: { to: "2026-02-30" }) { edges { cursor } } }`)),
        ).toEqual({
          status: 400,
          code: 'BAD_USER_INPUT',
          message: message.replace('"yesterday"', '"2026-02-30"'),
        });
        const accepted = await post(
          `{ messages(filter: { from: "2026-08-03T10:30:00+00:00", to: "2026-08-04" }) { edges { node { wamid } } } }`,
        );
        expect(accepted.data!.messages.edges).toEqual([{ node: { wamid: 'wamid.limits-2' } }]);
      });

      it('refuses a list of 100,000 WABA ids with the limit, before any SQL', async () => {
        const wabaIds = Array.from({ length: 100_000 }, (_, index) => String(index));
        expect(
          firstError(
            await post(
              `query ($ids: [String!]) { messages(filter: { wabaIds: $ids }) { edges { cursor } } }`,
              { ids: wabaIds },
            ),
          ),
        ).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: 'filter.wabaIds has 100000 items; at most 1000 are accepted',
        });
        const atLimit = await post(
          `query ($ids: [String!]) { messages(filter: { wabaIds: $ids }) { edges { node { wamid } } } }`,
          { ids: [...wabaIds.slice(0, 999), WABA] },
        );
        expect(atLimit.errors).toBeUndefined();
        expect(atLimit.data!.messages.edges).toHaveLength(2);
      });
    });

    describe('strings', () => {
      it('refuses a NUL character in an argument and in an input field', async () => {
        expect(
          firstError(
            await post(`query ($w: String!) { message(wamid: $w) { wamid } }`, { w: 'a\u0000b' }),
          ),
        ).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: 'wamid contains a NUL character (U+0000), which no text field accepts',
        });
        expect(
          firstError(
            await post(`mutation ($input: WabaInput!) { upsertWaba(input: $input) { wabaId } }`, {
              input: { wabaId: WABA, timezone: 'Europe/\u0000Madrid' },
            }),
          ),
        ).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: 'input.timezone contains a NUL character (U+0000), which no text field accepts',
        });
      });

      it('refuses a string longer than its field (the default, or its column)', async () => {
        expect(
          firstError(
            await post(`query ($w: String!) { message(wamid: $w) { wamid } }`, {
              w: 'w'.repeat(201),
            }),
          ),
        ).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: 'wamid is 201 characters long; at most 200 are accepted',
        });
        expect(
          firstError(
            await post(
              `mutation ($input: PhoneNumberInput!) { upsertPhoneNumber(input: $input) { phoneNumberId } }`,
              { input: { phoneNumberId: PHONE, wabaId: WABA, displayPhoneNumber: '1'.repeat(33) } },
            ),
          ),
        ).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: 'input.displayPhoneNumber is 33 characters long; at most 32 are accepted',
        });
      });

      it('bounds a template name by its column: 512 characters are stored, 513 refused', async () => {
        const record = (templateName: string) => ({
          wamid: `wamid.template-${templateName.length}`,
          phoneNumberId: PHONE,
          to: '447700900123',
          sentAt: '2026-08-03T12:00:00Z',
          templateName,
          templateLanguage: 'en',
          templateCategory: 'UTILITY',
        });
        const RECORD = `mutation ($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { accepted rejected { index message } } }`;
        expect(firstError(await post(RECORD, { input: [record('t'.repeat(513))] }))).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: 'input[0].templateName is 513 characters long; at most 512 are accepted',
        });
        const stored = await post(RECORD, { input: [record('t'.repeat(512))] });
        expect(stored.errors).toBeUndefined();
        expect(stored.data!.recordSentMessages).toEqual({ accepted: 1, rejected: [] });
        const rows: { length: number | string }[] = await testApp.app
          .get(DataSource)
          .query(
            `SELECT LENGTH(template_name) AS length FROM messages WHERE wamid = 'wamid.template-512'`,
          );
        expect(rows.map((row) => Number(row.length))).toEqual([512]);
      });

      it('takes up to 10,000 send records a call, by the bound of the argument itself', async () => {
        const records = (count: number) =>
          Array.from({ length: count }, (_, index) => ({
            wamid: `wamid.bulk-${index}`,
            phoneNumberId: 'unknown-number',
            to: '447700900123',
            sentAt: '2026-08-03T12:00:00Z',
          }));
        const RECORD = `mutation ($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { received accepted } }`;
        expect(firstError(await post(RECORD, { input: records(10_001) }))).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: 'input has 10001 items; at most 10000 are accepted',
        });
        const taken = await post(RECORD, { input: records(10_000) });
        expect(taken.errors).toBeUndefined();
        // Taken, then each refused for its unknown number: the bound is the argument's, not 1,000.
        expect(taken.data!.recordSentMessages).toEqual({ received: 10_000, accepted: 0 });
      });

      it('refuses a Decimal of more than 40 characters', async () => {
        expect(
          firstError(
            await post(
              `query ($input: SimulationInput!) { simulate(input: $input) { baseline } }`,
              {
                input: {
                  scenarios: [
                    {
                      name: 'g',
                      growthPercent: '1'.repeat(41),
                      volumes: [
                        {
                          month: '2026-10',
                          country: 'IN',
                          pricingCategory: 'UTILITY',
                          messages: 1,
                        },
                      ],
                    },
                  ],
                },
              },
            ),
          ),
        ).toEqual({
          status: 400,
          code: 'BAD_DECIMAL',
          message: 'Decimal values have at most 40 characters; got 41',
        });
      });
    });

    describe('bounded values', () => {
      it('refuses a growthPercent of 1,000,000,000', async () => {
        const answer = await post(
          `query ($input: SimulationInput!) { simulate(input: $input) { scenarios { total } } }`,
          {
            input: {
              scenarios: [
                {
                  name: 'g',
                  growthPercent: '1000000000',
                  volumes: [
                    { month: '2026-10', country: 'IN', pricingCategory: 'UTILITY', messages: 1 },
                    { month: '2027-09', country: 'IN', pricingCategory: 'UTILITY', messages: 1 },
                  ],
                },
              ],
            },
          },
        );
        expect(firstError(answer)).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message:
            'scenario "g": growthPercent: growthPercent must be between -100 and 1000; got "1000000000"',
        });
      });

      it('refuses a statement in a currency that is not an ISO 4217 code', async () => {
        expect(
          firstError(
            await post(
              `{ monthlyStatement(input: { month: "2026-08", wabaId: "${WABA}", currency: "US$" }) { total } }`,
            ),
          ),
        ).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          message: 'currency must be a 3-letter ISO 4217 code such as "USD"; got "US$"',
        });
      });

      it('refuses a rate card with an enormous rate, and a CSV of more than 1 MiB', async () => {
        const IMPORT = `mutation ($input: ImportRateCardInput!) { importRateCard(input: $input) { id } }`;
        const card = (ratesCsv: string) => ({
          name: 'Huge',
          currency: 'USD',
          effectiveFrom: '2026-10-01',
          ratesCsv,
        });
        expect(
          firstError(
            await post(
              IMPORT,
              {
                input: card(
                  `${RATES_HEADER}\nIndia,USD,${'9'.repeat(100)},0.0014,0.0014,n/a,0.0009`,
                ),
              },
              testApp.keys.operator,
            ),
          ),
        ).toEqual({
          status: 200,
          code: 'RATE_CARD_INVALID',
          message:
            'rate card refused: line 2: rates CSV: a rate cell of 100 characters (at most 64)',
        });
        expect(
          firstError(
            await post(
              IMPORT,
              { input: card(`${RATES_HEADER}\nIndia,USD,12345678.5,0.0014,0.0014,n/a,0.0009`) },
              testApp.keys.operator,
            ),
          ),
        ).toEqual({
          status: 200,
          code: 'RATE_CARD_INVALID',
          message:
            'rate card refused: line 2: rates CSV: rate "12345678.5" is too large (at most 7 digits before the decimal point)',
        });
        const big = `${RATES_HEADER}\n${'#'.repeat(1_048_577 - RATES_HEADER.length - 1)}`;
        expect(firstError(await post(IMPORT, { input: card(big) }, testApp.keys.operator))).toEqual(
          {
            status: 200,
            code: 'BAD_USER_INPUT',
            message: 'input.ratesCsv is 1048577 characters long; at most 1048576 are accepted',
          },
        );
      });
    });

    describe('documents', () => {
      it('answers a syntax error with 400 and says where and what', async () => {
        expect(firstError(await post(`{ messages(first: 1 { edges { cursor } } }`))).toEqual({
          status: 400,
          code: 'GRAPHQL_PARSE_FAILED',
          message: 'the query is not valid GraphQL at line 1, column 21: expected Name, found "{".',
        });
      });

      it('answers a document over the token limit with 400 and names the limit', async () => {
        // Commas are not tokens in GraphQL: each id is one.
        const ids = Array.from({ length: 6_000 }, (_, index) => `"${index}"`).join(', ');
        expect(
          firstError(
            await post(`{ messages(filter: { wabaIds: [${ids}] }) { edges { cursor } } }`),
          ),
        ).toEqual({
          status: 400,
          code: 'GRAPHQL_PARSE_FAILED',
          message:
            'the query has more than 5000 tokens (names, punctuation and literal values), the limit per request: ask for fewer fields, or pass long lists as variables',
        });
      });

      it('answers too many aliases, too deep or too costly a query with 400 and the limit', async () => {
        const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: rateCards { id }`);
        expect(firstError(await post(`{ ${aliases.join(' ')} }`))).toEqual({
          status: 400,
          code: 'GRAPHQL_VALIDATION_FAILED',
          message:
            "the query uses more than 15 aliases; see the limits in the schema's description and docs/architecture.md",
        });
        const deep = await post(
          '{ a { b { c { d { e { f { g { h { i { j { k } } } } } } } } } } }',
        );
        expect(deep.status).toBe(400);
        expect(deep.errors!.map((error) => error.message)).toContain(
          "the query nests fields more than 10 deep; see the limits in the schema's description and docs/architecture.md",
        );
        const fields = 'wamid direction origin contact status templateName sentAt deliveredAt';
        const charge = 'billable reason pricingCategory market country rate amount currency tier';
        const costly = await post(
          `{ messages(first: 200) { edges { cursor node { ${fields} charge { ${charge} explanation } } } pageInfo { endCursor hasNextPage } } }`,
        );
        expect(firstError(costly)).toEqual({
          status: 400,
          code: 'GRAPHQL_VALIDATION_FAILED',
          message:
            "the query costs more than 20000 (a scalar field 1, a field with a selection 2 plus 1.5 times its selection, times a literal first argument); ask for fewer fields or fewer items per page; see the limits in the schema's description and docs/architecture.md",
        });
        const asVariable = await post(
          `query ($first: Int) { messages(first: $first) { edges { cursor node { ${fields} charge { ${charge} explanation } } } pageInfo { endCursor hasNextPage } } }`,
          { first: 200 },
        );
        expect(asVariable.errors).toBeUndefined();
      });

      it('answers fields repeated beyond what can be checked with 400 and a plain message', async () => {
        const repeated = Array.from({ length: 1_500 }, () => 'wamid').join(' ');
        expect(firstError(await post(`{ messages { edges { node { ${repeated} } } } }`))).toEqual({
          status: 400,
          code: 'GRAPHQL_VALIDATION_FAILED',
          message:
            'the query repeats the same fields or fragments too often to be checked; ask for each field once',
        });
      });
    });

    it('describes every bound in the schema: its own description, and each bounded field', () => {
      const schema = testApp.app.get(GraphQLSchemaHost).schema;
      expect(schema.description).toContain('at most 5000 tokens');
      expect(schema.description).toContain('at most 200 characters');
      expect(schema.description).toContain('at most 1000 items');
      const bounded: { where: string; description: string; limits: ReturnType<typeof limitsOf> }[] =
        [];
      const collect = (where: string, owner: GraphQLArgument | GraphQLInputField) => {
        const limits = limitsOf(owner);
        if (Object.keys(limits).length > 0) {
          bounded.push({ where, description: owner.description ?? '', limits });
        }
      };
      for (const type of Object.values(schema.getTypeMap())) {
        if (isInputObjectType(type)) {
          for (const field of Object.values(type.getFields()))
            collect(`${type.name}.${field.name}`, field);
        }
        if (isObjectType(type)) {
          for (const field of Object.values(type.getFields())) {
            for (const arg of field.args) collect(`${type.name}.${field.name}(${arg.name})`, arg);
            for (const [name, limits] of Object.entries(argumentLimitsOf(field))) {
              bounded.push({
                where: `${type.name}.${field.name}(${name})`,
                description: field.description ?? '',
                limits,
              });
            }
          }
        }
      }
      expect(bounded.length).toBeGreaterThanOrEqual(15);
      const undescribed = bounded.filter(({ description, limits }) =>
        [limits.maxLength, limits.maxItems].some(
          (limit) => limit !== undefined && !new RegExp(`[Aa]t most ${limit}\\b`).test(description),
        ),
      );
      expect(undescribed.map((entry) => entry.where)).toEqual([]);
    });
  },
);
