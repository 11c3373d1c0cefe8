import { JOB_FIELDS, jobOf, type JobView } from '../utils/jobs.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { PHONE, WABA, postWebhook, deliveredMarketing } from '../utils/webhook.util';

const UPSERT_WABA = `mutation($input: WabaInput!) { upsertWaba(input: $input) { wabaId timezone repriceJob { ${JOB_FIELDS} } } }`;
const UPSERT_PHONE = `mutation($input: PhoneNumberInput!) { upsertPhoneNumber(input: $input) { phoneNumberId wabaId repriceJob { ${JOB_FIELDS} } } }`;
const ACCOUNT_JOBS = `{ jobs(kind: ACCOUNT_REPRICE) { totalCount edges { node { id } } } }`;

const OTHER_WABA = '200000000000002';
const MOVED_PHONE = '300000000000003';

describeEachDatabase('account edits hand back their re-rate job', (kind) => {
  let testApp: TestApp;

  beforeEach(async () => {
    testApp = await createTestApp(kind);
    await postWebhook(testApp, deliveredMarketing('wamid.edit.1', '2026-10-10T10:00:00Z'));
    await postWebhook(testApp, deliveredMarketing('wamid.edit.2', '2026-10-31T23:30:00Z'));
    await testApp.settle();
  });

  afterEach(async () => {
    await testApp.close();
  });

  const mutate = async <T>(query: string, input: Record<string, unknown>): Promise<T> => {
    const result = await testApp.gql<T>(query, { input }, testApp.keys.operator);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  const accountJobIds = async (): Promise<string[]> => {
    const result = await testApp.gql<{ jobs: { edges: { node: { id: string } }[] } }>(ACCOUNT_JOBS);
    expect(result.errors).toBeUndefined();
    return result.data!.jobs.edges.map((edge) => edge.node.id);
  };

  it('a WABA edit that changes how messages are priced answers with its queued job, which reaches DONE', async () => {
    const { upsertWaba } = await mutate<{ upsertWaba: { repriceJob: JobView | null } }>(
      UPSERT_WABA,
      {
        wabaId: WABA,
        timezone: 'America/Sao_Paulo',
      },
    );
    expect(upsertWaba).toMatchObject({
      wabaId: WABA,
      timezone: 'America/Sao_Paulo',
      repriceJob: { kind: 'ACCOUNT_REPRICE', status: 'QUEUED', progress: 0, attempts: 0 },
    });
    const jobId = upsertWaba.repriceJob!.id;
    expect(await accountJobIds()).toEqual([jobId]);
    await testApp.settle();
    expect(await jobOf(testApp, jobId)).toEqual({
      id: jobId,
      kind: 'ACCOUNT_REPRICE',
      status: 'DONE',
      progress: 1,
      attempts: 1,
      messages: 2,
      error: null,
    });
  });

  it('a WABA edit of its name only, or to the values it has, queues nothing and answers repriceJob null', async () => {
    const renamed = await mutate<{ upsertWaba: { repriceJob: JobView | null } }>(UPSERT_WABA, {
      wabaId: WABA,
      name: 'Acme Brasil',
      portfolioName: 'Acme',
    });
    expect(renamed.upsertWaba.repriceJob).toBeNull();
    const unchanged = await mutate<{ upsertWaba: { repriceJob: JobView | null } }>(UPSERT_WABA, {
      wabaId: WABA,
      timezone: 'UTC',
      currency: 'usd',
      freeServiceAllowance: 1000,
    });
    expect(unchanged.upsertWaba.repriceJob).toBeNull();
    expect(await accountJobIds()).toEqual([]);
  });

  it('moving a phone number to another WABA answers with one job re-rating both WABAs; other phone edits queue nothing', async () => {
    const created = await mutate<{ upsertPhoneNumber: { repriceJob: JobView | null } }>(
      UPSERT_PHONE,
      {
        phoneNumberId: MOVED_PHONE,
        wabaId: WABA,
      },
    );
    expect(created.upsertPhoneNumber.repriceJob).toBeNull();
    const relabelled = await mutate<{ upsertPhoneNumber: { repriceJob: JobView | null } }>(
      UPSERT_PHONE,
      { phoneNumberId: PHONE, wabaId: WABA, displayPhoneNumber: '+1 555 078 3881' },
    );
    expect(relabelled.upsertPhoneNumber.repriceJob).toBeNull();
    expect(await accountJobIds()).toEqual([]);

    const moved = await mutate<{ upsertPhoneNumber: { repriceJob: JobView | null } }>(
      UPSERT_PHONE,
      {
        phoneNumberId: MOVED_PHONE,
        wabaId: OTHER_WABA,
      },
    );
    expect(moved.upsertPhoneNumber).toMatchObject({
      phoneNumberId: MOVED_PHONE,
      wabaId: OTHER_WABA,
      repriceJob: { kind: 'ACCOUNT_REPRICE', status: 'QUEUED' },
    });
    const jobId = moved.upsertPhoneNumber.repriceJob!.id;
    expect(await accountJobIds()).toEqual([jobId]);
    await testApp.settle();
    // Both WABAs in one scope: the two messages of the first WABA, none yet of the other.
    expect(await jobOf(testApp, jobId)).toMatchObject({ status: 'DONE', messages: 2, error: null });
  });
});
