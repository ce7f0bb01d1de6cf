import {existsSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {getFileLoaderUtils, posixPath} from '@docusaurus/utils';
import type {ImageAsset, ResolveImage} from '@pyodocs/remark';
import {imageSize} from 'image-size';

/**
 * The images of MyST `{image}` and `{figure}` directives, bundled as
 * Docusaurus bundles a Markdown image (its mdx-loader's transformImage):
 * the same inline loader request (url-loader, file-loader as the fallback,
 * no file written by the server compilation), so they land in
 * `assets/images/` with a hashed name, or inline when small; the same
 * places: relative to the page or `@site/…`; and the image's own width and
 * height, which keep its place while it loads. Undefined when there is no
 * such file.
 *
 * A leading `/` is the top of the page's content folder first, as in MyST
 * and Sphinx (`/_static/plot.png` in a Jupyter Book is beside its top
 * page), then the site's static folders, as for a Markdown image.
 */
export function imageResolver(
  siteDir: string,
  staticDirs: readonly string[],
  contentRootOf: (fromPage: string) => string | undefined = () => undefined,
): ResolveImage {
  const staticFolders = staticDirs.map((folder) => path.resolve(siteDir, folder));
  return (url, fromPage, compiler) => {
    const file = imageFile(url, fromPage, siteDir, [contentRootOf(fromPage) ?? [], staticFolders].flat());
    if (file === undefined) return undefined;
    const relative = posixPath(path.relative(path.dirname(fromPage), file));
    const loader = getFileLoaderUtils(compiler === 'server').loaders.inlineMarkdownImageFileLoader;
    const search = /\?[^#]*/.exec(url)?.[0] ?? '';
    return {module: `${loader}./${relative}${search}`, file, ...ownSize(file)};
  };
}

/** The image's file, as Docusaurus finds a Markdown image's. */
function imageFile(url: string, fromPage: string, siteDir: string, rootFolders: readonly string[]): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  const candidates = pathname.startsWith('@site/')
    ? [path.join(siteDir, pathname.slice('@site/'.length))]
    : path.posix.isAbsolute(pathname)
      ? rootFolders.map((folder) => path.join(folder, pathname))
      : [path.join(path.dirname(fromPage), pathname)];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Width and height in pixels, where the file says (not every SVG does). */
function ownSize(file: string): Pick<ImageAsset, 'width' | 'height'> {
  try {
    const {width, height} = imageSize(readFileSync(file));
    return {width, height};
  } catch {
    // Not an image image-size reads: the browser sizes it.
    return {};
  }
}
