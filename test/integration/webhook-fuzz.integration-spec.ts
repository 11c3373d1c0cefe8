import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { WebhookQueue } from '../../src/ingestion/services/webhook-queue.service';
import {
  listWebhookFixtures,
  loadWebhookFixture,
} from '../fixtures/webhooks/load-webhook-fixture.util';
import { rollupsAndMessageSums } from '../utils/rollups.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { echo, inbound, sign, status } from '../utils/webhook.util';

/**
 * Thousands of correctly signed Meta bodies, each mutated where it hurts (wrong types at every
 * level, numbers for strings, nulls, NUL bytes, over-long strings, huge arrays, `__proto__` and
 * other prototype keys, duplicate keys, far timestamps), then good bodies. The webhook may refuse
 * a body (400); a body it answers 200 must be applied: nothing set aside, every good message
 * charged, nothing left PENDING but API messages sent and not yet delivered.
 */

const RUNS = Number(process.env.FUZZ_WEBHOOK_BODIES ?? 2000);
const CONCURRENCY = 16;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FIXTURES = listWebhookFixtures().map((name) => loadWebhookFixture(name) as Json);

/** Every path into a JSON value (the root is []). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) {
    return here.concat(...value.map((item, index) => paths(item, [...prefix, index])));
  }
  if (value !== null && typeof value === 'object') {
    return here.concat(
      ...Object.entries(value).map(([key, item]) => paths(item, [...prefix, key])),
    );
  }
  return here;
}

function replaceAt(value: Json, path: (string | number)[], replacement: (old: Json) => Json): Json {
  if (path.length === 0) return replacement(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  }
  if (value !== null && typeof value === 'object') {
    const copy: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = key === head ? replaceAt(item, rest, replacement) : item;
    }
    return copy;
  }
  return value;
}

const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const replacementArb: fc.Arbitrary<(old: Json) => Json> = fc.oneof(
  fc.constantFrom<(old: Json) => Json>(
    () => null,
    () => 0,
    () => -1,
    () => 1.5,
    () => 1e300,
    () => true,
    () => '',
    () => [],
    () => ({}),
    () => 'x\u0000y',
    () => '\u0000',
    () => 'x'.repeat(70_000),
    () => '99999999999',
    () => '-1',
    () => '1e20',
    () => 253402300800,
    (old) => (typeof old === 'string' ? Number(old) || 7 : JSON.stringify(old)),
    (old) => [old],
    (old) => Array.from({ length: 300 }, () => old),
    (old) => ({ value: old }),
  ),
  fc.constantFrom(...PROTOTYPE_WORDS).map((word) => () => word),
  fc.string({ maxLength: 40 }).map((text) => () => text),
);

/** A body as text: mutated JSON, sometimes with keys added or doubled in the text itself. */
const bodyArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.array(fc.tuple(fc.nat(), replacementArb), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('none', 'proto-key', 'duplicate-key', 'prototype-value'),
    fc.constantFrom('category', 'type', 'field', 'event', 'pricing_model', 'origin', 'status'),
    fc.constantFrom(...PROTOTYPE_WORDS),
  )
  .map(([fixture, mutations, textual, key, word]) => {
    let body = fixture;
    for (const [pick, replacement] of mutations) {
      const all = paths(body);
      body = replaceAt(body, all[pick % all.length], replacement);
    }
    let text = JSON.stringify(body);
    if (textual === 'proto-key') {
      text = text.replace(/\{"/g, (match, offset: number) =>
        offset % 3 === 0 ? '{"__proto__":{"polluted":true},"' : match,
      );
    } else if (textual === 'duplicate-key') {
      text = text.replace(/"(id|status|timestamp|from|category)":/g, '"$1":"dup","$1":');
    } else if (textual === 'prototype-value') {
      text = text.replace(new RegExp(`"${key}":"[^"]*"`, 'g'), `"${key}":"${word}"`);
    }
    return text;
  });

const GOOD_AT = '2026-11-10T09:00:00Z';

describeEachDatabase('webhook fuzzing: signed odd bodies never lose or block good ones', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const query = <T>(sql: string): Promise<T[]> => testApp.app.get(DataSource).query(sql);

  const post = async (body: string) => {
    const response = await testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', sign(body))
      .send(body);
    return response.status;
  };

  it(`answers ${RUNS} mutated bodies with 200 or 400, then applies every good body after them`, async () => {
    // Each body's messages are its own (a wamid suffix), so that no fact merges into another's.
    const bodies = fc
      .sample(bodyArb, { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261205) })
      .map((body, index) => body.replace(/"(wamid\.[^"]*)"/g, `"$1.f${index}"`));
    const statuses = new Map<number, number>();
    for (let start = 0; start < bodies.length; start += CONCURRENCY) {
      const answers = await Promise.all(bodies.slice(start, start + CONCURRENCY).map(post));
      for (const answer of answers) statuses.set(answer, (statuses.get(answer) ?? 0) + 1);
    }
    expect([...statuses.keys()].filter((code) => code !== 200 && code !== 400)).toEqual([]);
    expect(statuses.get(200)).toBeGreaterThan(RUNS / 4);

    const good: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      const customer = `5511987${String(index).padStart(6, '0')}`;
      good.push(JSON.stringify(inbound(`wamid.good.in.${index}`, customer, GOOD_AT)));
      good.push(
        JSON.stringify(
          status(`wamid.good.out.${index}`, customer, 'delivered', '2026-11-10T09:05:00Z', {
            billable: true,
            pricing_model: 'PMP',
            type: 'regular',
            category: 'marketing',
          }),
        ),
      );
      good.push(JSON.stringify(echo(`wamid.good.echo.${index}`, customer, '2026-11-10T09:06:00Z')));
    }
    for (const body of good) expect(await post(body)).toBe(200);
    await testApp.app.get(WebhookQueue).idle();

    const setAside = await query<{ n: string | number }>(
      `SELECT COUNT(*) AS n FROM raw_events WHERE processed_at IS NULL`,
    );
    expect(Number(setAside[0].n)).toBe(0);

    const goodCharges = await query<{
      wamid: string;
      charge_reason: string;
      charge_amount: string;
    }>(
      `SELECT wamid, charge_reason, charge_amount FROM messages WHERE wamid LIKE 'wamid.good.%' ORDER BY wamid`,
    );
    expect(goodCharges).toHaveLength(120);
    for (const row of goodCharges) {
      const expected = row.wamid.startsWith('wamid.good.in.')
        ? { charge_reason: 'FREE_INBOUND', charge_amount: '0' }
        : row.wamid.startsWith('wamid.good.echo.')
          ? { charge_reason: 'FREE_BUSINESS_APP', charge_amount: '0' }
          : { charge_reason: 'BILLED', charge_amount: '0.0625' };
      expect(row).toMatchObject(expected);
    }

    const stuck = await query<{ wamid: string; direction: string; origin: string }>(
      `SELECT wamid, direction, origin FROM messages
        WHERE charge_reason = 'PENDING'
          AND NOT (direction = 'OUTBOUND' AND origin = 'CLOUD_API'
                   AND delivered_at IS NULL AND read_at IS NULL AND failed_at IS NULL)`,
    );
    expect(stuck).toEqual([]);

    const { fromRollups, fromMessages } = await rollupsAndMessageSums(testApp);
    expect(fromRollups).toEqual(fromMessages);
  });
});
