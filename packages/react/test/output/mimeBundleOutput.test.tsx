import {describe, expect, it} from 'vitest';
import {PyodocsOutputRenderers, type MimeRendererProps} from '../../src/index.js';
import {mimeRenderers} from '../../src/output/mimeRenderers.js';
import {renderBundle} from './renderBundle.js';

// A 1x1 transparent PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const everything = {
  'text/plain': 'Thing()',
  'application/json': {a: 1},
  'text/latex': '$x^2$',
  'text/markdown': '**bold**',
  'image/jpeg': PNG,
  'image/png': PNG,
  'image/svg+xml': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
  'text/html': '<b>html</b>',
};

function shownType(root: HTMLElement): string | null {
  return root.querySelector('[data-mime-type]')?.getAttribute('data-mime-type') ?? null;
}

describe('MIME type selection', () => {
  it('ranks types like Jupyter: html, svg, png, jpeg, markdown, latex, json, then text/plain', async () => {
    expect(mimeRenderers.map(([mimeType]) => mimeType)).toEqual([
      'text/html',
      'image/svg+xml',
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'text/markdown',
      'text/latex',
      'application/json',
      'text/plain',
    ]);
    const order = [
      'text/html',
      'image/svg+xml',
      'image/png',
      'image/jpeg',
      'text/markdown',
      'text/latex',
      'application/json',
      'text/plain',
    ];
    // Remove the richest type each time: the next one in rank must be shown.
    for (let index = 0; index < order.length; index++) {
      const bundle = Object.fromEntries(Object.entries(everything).filter(([type]) => order.indexOf(type) >= index));
      expect(shownType(await renderBundle(bundle))).toBe(order[index]);
    }
  });

  it('falls back to text/plain for unknown types, and names the types when nothing can be shown', async () => {
    expect(
      (await renderBundle({'application/vnd.unknown+json': {}, 'text/plain': 'fallback'})).querySelector('pre')
        ?.textContent,
    ).toBe('fallback');
    const none = await renderBundle({'application/x-thing': 'x', 'application/y': 'y'});
    expect(none.textContent).toBe('Cannot show: application/x-thing, application/y');
  });

  it('ignores a type whose value is null (formatters that returned None)', async () => {
    expect(shownType(await renderBundle({'text/html': null, 'text/plain': 'plain'}))).toBe('text/plain');
  });

  it("puts a site's registered renderers (application/vnd.*) before the built-in ones, innermost registration first", async () => {
    function Vega({data, mimeType, bundle}: MimeRendererProps) {
      return (
        <output data-testid="vega">{`${mimeType}:${JSON.stringify(data)}:${String(bundle['text/plain'])}`}</output>
      );
    }
    function Outer() {
      return <output data-testid="outer">outer</output>;
    }
    const root = await renderBundle(
      {'text/html': '<b>h</b>', 'application/vnd.vegalite.v5+json': {mark: 'bar'}, 'text/plain': 'Chart'},
      {},
      (node) => (
        <PyodocsOutputRenderers renderers={{'application/vnd.vegalite.v5+json': Outer}}>
          <PyodocsOutputRenderers renderers={{'application/vnd.vegalite.v5+json': Vega}}>{node}</PyodocsOutputRenderers>
        </PyodocsOutputRenderers>
      ),
    );
    expect(root.querySelector('[data-testid="vega"]')?.textContent).toBe(
      'application/vnd.vegalite.v5+json:{"mark":"bar"}:Chart',
    );
    expect(root.querySelector('b')).toBeNull();
    // Bundles without the type keep the built-in rendering.
    const plain = await renderBundle({'text/html': '<b>h</b>'}, {}, (node) => (
      <PyodocsOutputRenderers renderers={{'application/vnd.vegalite.v5+json': Vega}}>{node}</PyodocsOutputRenderers>
    ));
    expect(plain.querySelector('b')?.textContent).toBe('h');
  });
});

describe('a failing renderer', () => {
  it('falls back to text/plain for that output only', async () => {
    function Broken(): never {
      throw new Error('renderer bug');
    }
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const root = await renderBundle({'application/vnd.broken': 1, 'text/plain': 'Broken()'}, {}, (node) => (
        <PyodocsOutputRenderers renderers={{'application/vnd.broken': Broken}}>{node}</PyodocsOutputRenderers>
      ));
      expect(root.querySelector('pre')?.textContent).toBe('Broken()');
    } finally {
      console.error = original;
    }
    expect(errors.some((args) => String((args as unknown[])[0]).includes('[pyodocs] an output renderer failed'))).toBe(
      true,
    );
  });
});

describe('image renderers', () => {
  it('shows PNG and JPEG from base64 with IPython width/height metadata and the text/plain alt', async () => {
    const root = await renderBundle(
      {'image/png': `${PNG.slice(0, 20)}\n${PNG.slice(20)}`, 'text/plain': '<Figure size 640x480 with 1 Axes>'},
      {'image/png': {width: 320, height: 240}},
    );
    const image = root.querySelector('img');
    expect(image?.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(image?.getAttribute('width')).toBe('320');
    expect(image?.getAttribute('height')).toBe('240');
    expect(image?.getAttribute('alt')).toBe('<Figure size 640x480 with 1 Axes>');
    const described = await renderBundle({'image/png': PNG, 'text/plain': 'repr'}, {'image/png': {alt: 'A sine wave'}});
    expect(described.querySelector('img')?.getAttribute('alt')).toBe('A sine wave');
    const jpeg = await renderBundle({'image/jpeg': PNG}, {width: 'bad', height: -3});
    expect(jpeg.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(jpeg.querySelector('img')?.hasAttribute('width')).toBe(false);
    expect(jpeg.querySelector('img')?.hasAttribute('height')).toBe(false);
  });

  it('shows SVG as an image (scripts inside an SVG image never run), never inline', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><circle r="5"/></svg>';
    const root = await renderBundle({'image/svg+xml': svg});
    expect(root.querySelector('svg')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    const image = root.querySelector('img');
    expect(image?.getAttribute('src')).toBe(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    expect(decodeURIComponent((image?.getAttribute('src') ?? '').split(',')[1] ?? '')).toBe(svg);
  });
});

describe('text renderers', () => {
  it('text/plain is shown as text, never parsed as HTML', async () => {
    const root = await renderBundle({'text/plain': '<b>not bold</b> & <script>x</script>'});
    expect(root.querySelector('b, script')).toBeNull();
    expect(root.querySelector('pre')?.textContent).toBe('<b>not bold</b> & <script>x</script>');
  });

  it('application/json is a collapsible tree, opened two levels deep', async () => {
    const root = await renderBundle({
      'application/json': {
        name: 'pyodocs',
        tags: ['a', 'b'],
        deep: {deeper: {deepest: true}},
        none: null,
        n: 1.5,
        empty: [],
      },
    });
    const tree = root.querySelector('.pyodocs-json');
    expect(tree?.querySelectorAll('details')).toHaveLength(4);
    const [top, tags, deep, deeper] = Array.from(tree?.querySelectorAll('details') ?? []);
    expect(top?.open).toBe(true);
    expect(tags?.open).toBe(true);
    expect(deep?.open).toBe(true);
    expect(deeper?.open).toBe(false);
    expect(top?.querySelector('summary')?.textContent).toBe('{ 6 keys }');
    expect(tree?.textContent).toContain('"name": "pyodocs"');
    expect(tree?.textContent).toContain('"none": null');
    expect(tree?.textContent).toContain('"n": 1.5');
    expect(tree?.textContent).toContain('"empty": []');
    expect(tree?.textContent).toContain('"deepest": true');
  });

  it("application/json opens every level with IPython's expanded=True", async () => {
    const root = await renderBundle(
      {'application/json': {a: {b: {c: {d: 1}}}}},
      {'application/json': {expanded: true, root: 'root'}},
    );
    const levels = Array.from(root.querySelectorAll('details'));
    expect(levels).toHaveLength(4);
    expect(levels.every((details) => details.open)).toBe(true);
  });

  it('application/json also renders scalars', async () => {
    expect((await renderBundle({'application/json': 'text'})).querySelector('.pyodocs-json')?.textContent).toBe(
      '"text"',
    );
    expect((await renderBundle({'application/json': 3})).querySelector('.pyodocs-json')?.textContent).toBe('3');
  });

  it('text/markdown renders Markdown, GFM tables included', async () => {
    const root = await renderBundle({
      'text/markdown': '## Results\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- *one*\n- `two`',
    });
    expect(root.querySelector('.pyodocs-markdown h2')?.textContent).toBe('Results');
    expect(root.querySelectorAll('.pyodocs-markdown td')).toHaveLength(2);
    expect(root.querySelector('.pyodocs-markdown em')?.textContent).toBe('one');
    expect(root.querySelector('.pyodocs-markdown code')?.textContent).toBe('two');
  });
});
