import { describe, expect, it } from 'vitest';
import { href, matchRoute, toHref } from '../../../client/src/lib/routes.ts';

const match = (url: string) => {
  const { pathname, search } = new URL(url, 'http://convene.test');
  return matchRoute(pathname, search);
};

describe('matching the URLs that browser tests and e-mails rely on', () => {
  it.each([
    ['/', { name: 'summits', params: {}, search: {} }],
    ['/sign-in', { name: 'signIn', params: {}, search: {} }],
    [
      '/sign-in?email=morari%40example.org&next=%2Fme',
      { name: 'signIn', params: {}, search: { email: 'morari@example.org', next: '/me' } },
    ],
    ['/sign-in/verify?token=abc-123', { name: 'verify', params: {}, search: { token: 'abc-123' } }],
    ['/me', { name: 'me', params: {}, search: {} }],
    ['/outbox', { name: 'allOutbox', params: {}, search: {} }],
    ['/summits/gfmd-2018', { name: 'summit', params: { slug: 'gfmd-2018' }, search: {} }],
    [
      '/summits/gfmd-2018/programme',
      { name: 'programme', params: { slug: 'gfmd-2018' }, search: { zone: 'summit' } },
    ],
    [
      '/summits/gfmd-2018/programme/2018-12-07?view=grid',
      {
        name: 'programme',
        params: { slug: 'gfmd-2018', day: '2018-12-07' },
        search: { view: 'grid', zone: 'summit' },
      },
    ],
    [
      '/summits/gfmd-2018/sessions/mp-mda-diaspora?zone=local',
      { name: 'session', params: { slug: 'gfmd-2018', key: 'mp-mda-diaspora' }, search: { zone: 'local' } },
    ],
    [
      '/summits/gfmd-2018/delegations/MDA',
      { name: 'agenda', params: { slug: 'gfmd-2018', key: 'MDA' }, search: {} },
    ],
    [
      '/summits/gfmd-2018/print/2018-12-07?sheets=doors',
      { name: 'print', params: { slug: 'gfmd-2018', day: '2018-12-07' }, search: { sheets: 'doors' } },
    ],
    [
      '/summits/gfmd-2018/print/2018-12-07?sheets=nonsense',
      { name: 'print', params: { slug: 'gfmd-2018', day: '2018-12-07' }, search: { sheets: 'programme' } },
    ],
    ['/summits/gfmd-2018/outbox', { name: 'outbox', params: { slug: 'gfmd-2018' }, search: {} }],
    ['/summits/gfmd-2018/roles', { name: 'roles', params: { slug: 'gfmd-2018' }, search: {} }],
    ['/summits/gfmd-2018/audit', { name: 'audit', params: { slug: 'gfmd-2018' }, search: {} }],
    ['/summits/gfmd-2018/plan', { name: 'plan', params: { slug: 'gfmd-2018' }, search: {} }],
    ['/summits/gfmd-2018/proposals', { name: 'proposals', params: { slug: 'gfmd-2018' }, search: {} }],
    ['/summits/gfmd-2018/proposals/new', { name: 'proposalNew', params: { slug: 'gfmd-2018' }, search: {} }],
    // The proposal e-mails link here.
    [
      '/summits/gfmd-2018/proposals/12',
      { name: 'proposal', params: { slug: 'gfmd-2018', id: '12' }, search: {} },
    ],
    [
      '/summits/gfmd-2018/proposal-desk?status=submitted&format=breakfast&day=2018-12-07&organiser=MDA&before=40',
      {
        name: 'desk',
        params: { slug: 'gfmd-2018' },
        search: {
          status: 'submitted',
          format: 'breakfast',
          day: '2018-12-07',
          organiser: 'MDA',
          before: '40',
        },
      },
    ],
    [
      '/summits/gfmd-2018/proposal-desk/12',
      { name: 'review', params: { slug: 'gfmd-2018', id: '12' }, search: {} },
    ],
  ])('%s', (url, expected) => {
    expect(match(url)).toEqual(expected);
  });

  it('decodes a key with escaped characters', () => {
    expect(match('/summits/gfmd-2018/sessions/rt%3A1.2')).toEqual({
      name: 'session',
      params: { slug: 'gfmd-2018', key: 'rt:1.2' },
      search: { zone: 'summit' },
    });
  });

  it('ignores a trailing slash', () => {
    expect(match('/me/')).toEqual({ name: 'me', params: {}, search: {} });
  });

  it.each([
    '/summits',
    '/summits/gfmd-2018/sessions',
    '/summits/gfmd-2018/roles/extra',
    '/summits/gfmd-2018/programme/2018-12-07/extra',
    '/nowhere',
    '/summits/%E0%A4%A',
  ])('%s is not found', (url) => {
    expect(match(url)).toEqual({ name: 'not-found' });
  });
});

describe('bad search values fall back to the defaults', () => {
  it('an unknown view and zone', () => {
    expect(match('/summits/gfmd-2018/programme/2018-12-07?view=table&zone=mars')).toEqual({
      name: 'programme',
      params: { slug: 'gfmd-2018', day: '2018-12-07' },
      search: { view: undefined, zone: 'summit' },
    });
  });

  it('unknown keys are dropped', () => {
    expect(match('/summits/gfmd-2018/sessions/s1?utm_source=mail&zone=local')).toEqual({
      name: 'session',
      params: { slug: 'gfmd-2018', key: 's1' },
      search: { zone: 'local' },
    });
  });

  it('a repeated key keeps its last value', () => {
    expect(match('/summits/gfmd-2018/sessions/s1?zone=local&zone=summit')).toEqual({
      name: 'session',
      params: { slug: 'gfmd-2018', key: 's1' },
      search: { zone: 'summit' },
    });
  });
});

describe('building URLs with href()', () => {
  it.each([
    [href('summits'), '/'],
    [href('signIn', {}, { email: 'morari@example.org' }), '/sign-in?email=morari%40example.org'],
    [href('verify', {}, { token: 'abc' }), '/sign-in/verify?token=abc'],
    [href('allOutbox'), '/outbox'],
    [href('programme', { slug: 'gfmd-2018' }), '/summits/gfmd-2018/programme'],
    [
      href('programme', { slug: 'gfmd-2018', day: '2018-12-07' }, { view: 'list' }),
      '/summits/gfmd-2018/programme/2018-12-07?view=list',
    ],
    [href('session', { slug: 'gfmd-2018', key: 'rt:1/2' }), '/summits/gfmd-2018/sessions/rt%3A1%2F2'],
    [href('agenda', { slug: 'gfmd-2018', key: 'MDA' }), '/summits/gfmd-2018/delegations/MDA'],
  ])('%s', (built, expected) => {
    expect(built).toBe(expected);
  });

  it('leaves out search values equal to their defaults', () => {
    expect(
      href('programme', { slug: 'gfmd-2018', day: '2018-12-07' }, { zone: 'summit', view: 'grid' }),
    ).toBe('/summits/gfmd-2018/programme/2018-12-07?view=grid');
    expect(href('session', { slug: 'gfmd-2018', key: 's1' }, { zone: 'local' })).toBe(
      '/summits/gfmd-2018/sessions/s1?zone=local',
    );
  });

  it('round trips through matching, params and search alike', () => {
    const url = href('programme', { slug: 'gfmd-2018', day: '2018-12-08' }, { view: 'list', zone: 'local' });
    expect(match(url)).toEqual({
      name: 'programme',
      params: { slug: 'gfmd-2018', day: '2018-12-08' },
      search: { view: 'list', zone: 'local' },
    });
    const session = href('session', { slug: 'gfmd-2018', key: 'side event #3' });
    expect(match(session)).toEqual({
      name: 'session',
      params: { slug: 'gfmd-2018', key: 'side event #3' },
      search: { zone: 'summit' },
    });
  });

  it('checks names, params and search values when compiling', () => {
    // @ts-expect-error a session needs its key
    expect(() => href('session', { slug: 'gfmd-2018' })).toThrow('/summits/:slug/sessions/:key needs :key');
    // @ts-expect-error no such route
    expect(() => href('nowhere')).toThrow();
    // @ts-expect-error no such view
    expect(href('programme', { slug: 'x' }, { view: 'table' })).toBe('/summits/x/programme?view=table');
  });
});

describe('a URL given from outside (a sign-in link’s next)', () => {
  it.each([
    ['/summits/gfmd-2018/delegations/MDA', '/summits/gfmd-2018/delegations/MDA'],
    [
      '/summits/gfmd-2018/programme/2018-12-07?view=list',
      '/summits/gfmd-2018/programme/2018-12-07?view=list',
    ],
    ['//evil.example/me', null],
    ['https://evil.example/me', null],
    ['/nowhere', null],
  ])('%s', (url, expected) => {
    expect(toHref(url)).toBe(expected);
  });
});
