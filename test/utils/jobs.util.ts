import type { TestApp } from './test-app.util';

/** The fields of `Job` the job specs compare. */
export const JOB_FIELDS = 'id kind status progress attempts messages error';

export interface JobView {
  id: string;
  kind: string;
  status: string;
  progress: number;
  attempts: number;
  messages: number | null;
  error: string | null;
}

/** `job(id)` over GraphQL, failing the test on an error. */
export async function jobOf(testApp: TestApp, id: string): Promise<JobView> {
  const result = await testApp.gql<{ job: JobView }>(
    `query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`,
    { id },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.job;
}
