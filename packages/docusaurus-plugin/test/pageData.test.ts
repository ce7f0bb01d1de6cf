import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadPageData, pageDataPath, pageRoute} from '../src/client/index.js';

afterEach(() => vi.unstubAllGlobals());

describe('page data (C7)', () => {
  it.each([
    ['docs/getting-started/', 'pyodocs/pages/docs/getting-started.json'],
    ['/docs/getting-started', 'pyodocs/pages/docs/getting-started.json'],
    ['blog/2026/11/22/hello', 'pyodocs/pages/blog/2026/11/22/hello.json'],
    ['', 'pyodocs/pages/index.json'],
    ['/', 'pyodocs/pages/index.json'],
  ])('names the file of route %j %s', (route, path) => {
    expect(pageDataPath(route)).toBe(path);
  });

  it.each([
    ['/docs/intro/', '/', 'docs/intro'],
    ['/site/docs/intro', '/site/', 'docs/intro'],
    ['/site/', '/site/', ''],
    ['/site', '/site/', ''],
    ['/docs/caf%C3%A9', '/', 'docs/café'],
  ])('finds the route of %s under baseUrl %s', (pathname, baseUrl, route) => {
    expect(pageRoute(pathname, baseUrl)).toBe(route);
  });

  it('fetches the page’s file under the baseUrl and checks its shape', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(JSON.stringify({path: 'docs/café.mdx', cells: [], notebook: []}), {status: 200});
    });
    await expect(loadPageData('/site/docs/caf%C3%A9/', '/site/')).resolves.toEqual({
      path: 'docs/café.mdx',
      cells: [],
      notebook: [],
    });
    expect(fetched).toEqual(['/site/pyodocs/pages/docs/caf%C3%A9.json']);

    vi.stubGlobal('fetch', async () => new Response('not found', {status: 404}));
    await expect(loadPageData('/site/docs/none', '/site/')).rejects.toThrow(/HTTP 404/);
  });
});
