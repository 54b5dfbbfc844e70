// The support unit's pages exist for the support unit only (issue 13, item 4): a delegate who opens
// one finds "This page does not exist", as the API would answer, and no button that would fail.
import { describe, expect, it } from 'vitest';
import { openPage, skipBrowser } from '../support/browser.ts';
import { signedInAs, supportUnitBrowser } from './support-unit.ts';

describe.skipIf(skipBrowser)('the support unit’s pages, opened by a delegate', () => {
  const env = supportUnitBrowser();

  it('are not found, with none of their buttons', async () => {
    const { context } = await signedInAs(env, 'morari@example.org');
    // Each page: how many of the support unit's buttons it shows, once it says it does not exist.
    const seen: Record<string, number> = {};
    for (const page of ['plan', 'roles', 'audit', 'outbox', 'proposal-desk']) {
      const tab = await openPage(context, `${env.server.base}/summits/gfmd-2018/${page}`, env.pageErrors);
      await tab.getByText('This page does not exist.').waitFor();
      seen[page] = await tab
        .getByRole('button', { name: /Publish|Propose|Give the role|Send again/ })
        .count();
      await tab.close();
    }
    expect(seen).toEqual({ plan: 0, roles: 0, audit: 0, outbox: 0, 'proposal-desk': 0 });
    // The support unit still has them.
    const plan = await openPage(env.context, `${env.server.base}/summits/gfmd-2018/plan`, env.pageErrors);
    await plan.getByRole('button', { name: 'Publish the programme' }).waitFor();
    await plan.close();
    await context.close();
  });
});
