// The API with a summit calling for side-event proposals (deadline far ahead), as the proposal
// tests start from.
import { expect } from 'vitest';
import { summitAwaitingProposals } from '../factories/proposal.ts';
import { admin, testApi, type TestApi } from './app.ts';

/** The open call's deadline: far enough ahead that no test meets it. */
export const OPEN_DEADLINE = '2099-09-28T23:59';

export async function proposalsApi(): Promise<TestApi> {
  const api = await testApi();
  const imported = await api.http
    .post('/api/summits/import')
    .set(admin)
    .send(summitAwaitingProposals(OPEN_DEADLINE));
  expect(imported.status).toBe(201);
  return api;
}
