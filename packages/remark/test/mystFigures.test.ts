import {describe, expect, test} from 'vitest';
import {stringifyPage} from './stringifyPage.js';
import type {ImageAsset, PageFileRead, RemarkPythonCellsOptions} from '../src/index.js';

const site = '/site';
const pageFile = `${site}/docs/tutorial.md`;
// The site's image files as the Docusaurus plugin finds them: a module request, the size, the file.
const images: Record<string, ImageAsset> = {
  [`${site}/docs/images/plot.png`]: {
    module: './images/plot.png',
    width: 640,
    height: 480,
    file: `${site}/docs/images/plot.png`,
  },
};
const asked: [string, string, string | undefined][] = [];
function resolveImage(url: string, fromPage: string, compiler: string | undefined): ImageAsset | undefined {
  asked.push([url, fromPage, compiler]);
  return images[`${site}/docs/${url.replace(/^\.\//, '')}`];
}

async function run(markdown: string, options: RemarkPythonCellsOptions = {}): Promise<string> {
  // Read as MDX: the images are JSX elements, which only remark-mdx writes back.
  return stringifyPage(markdown, {path: pageFile, cwd: site}, {resolveImage, mdx: true, ...options});
}

async function problems(markdown: string): Promise<string> {
  return run(markdown).then(
    () => 'no problem',
    (error: Error) => error.message,
  );
}

describe("MyST {image} and {figure} with the site's images", () => {
  test('a local image is required as the bundler has it, with its own size; its file is watched', async () => {
    asked.length = 0;
    const reads: PageFileRead[] = [];
    const output = await run('```{image} ./images/plot.png\n:alt: A plot\n```\n', {
      onFileRead: (read) => reads.push(read),
    });
    expect(output).toBe('<img src={require("./images/plot.png").default} alt="A plot" width="640" height="480" />');
    expect(asked).toEqual([['./images/plot.png', pageFile, undefined]]);
    expect(reads).toEqual([{page: pageFile, file: `${site}/docs/images/plot.png`, exists: true}]);
  });

  test("scale multiplies the image's own size, or the width given; URLs are not looked up", async () => {
    asked.length = 0;
    expect(await run('```{image} images/plot.png\n:scale: 50%\n```\n')).toContain(
      'style={{"width":"320px","height":"240px"}}',
    );
    expect(await run('```{image} images/plot.png\n:scale: 50\n:width: 400px\n```\n')).toContain(
      'style={{"width":"200px"}}',
    );
    expect(await run('```{image} https://example.org/a.png\n```\n')).toBe(
      '<img src="https://example.org/a.png" alt="https://example.org/a.png" />',
    );
    expect(asked.map(([url]) => url)).toEqual(['images/plot.png', 'images/plot.png']);
  });

  test('a missing file is an authoring problem at the directive, or told and shown as written', async () => {
    expect(await problems('# Page\n\n```{figure} images/missing.png\nCaption.\n```\n')).toContain(
      'docs/tutorial.md:3:1: There is no image "images/missing.png": a path is relative to this page',
    );
    const told: string[] = [];
    const output = await run('```{image} images/missing.png\n```\n', {onBrokenImage: (message) => told.push(message)});
    expect(output).toBe('<img src="images/missing.png" alt="images/missing.png" />');
    expect(told).toEqual([expect.stringContaining('docs/tutorial.md:1:1: There is no image "images/missing.png"')]);
  });

  test('bad options are reported where they are, with what MyST accepts', async () => {
    const message = await problems(
      '```{figure} images/plot.png\n:widht: 300\n```\n\n```{image} images/plot.png\n:width: wide\n```\n\n```{image} images/plot.png\n:align: middle\n```\n\n```{image}\n```\n\n```{image} https://example.org/a.png\n:scale: 50%\n```\n',
    );
    expect(message).toContain(
      'docs/tutorial.md:2:1: Unknown option "widht" of the {figure} directive. Did you mean "width"?',
    );
    expect(message).toContain(
      'docs/tutorial.md:6:1: The "width" option must be a length such as 300px, 300 or 50%, got "wide".',
    );
    expect(message).toContain('docs/tutorial.md:10:1: The "align" option must be left, center or right, got "middle".');
    expect(message).toContain('docs/tutorial.md:13:1: This {image} names no image.');
    expect(message).toContain(
      'docs/tutorial.md:17:1: "scale" needs the image\'s size, which is not known for https://example.org/a.png',
    );
  });
});
