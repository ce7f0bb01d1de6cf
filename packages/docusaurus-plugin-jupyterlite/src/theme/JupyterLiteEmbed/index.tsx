import {useEffect, useRef, useState, type ReactNode} from 'react';
import {useSiteColorMode} from '../../client/useSiteColorMode.js';
import {translate} from '@docusaurus/Translate';
import {usePluginData} from '@docusaurus/useGlobalData';
import type {Props} from '@theme/JupyterLiteEmbed';
import {saveTheme} from '../../client/liteStorage.js';
import {applyThemeInFrame, liteThemeName} from '../../client/liteTheme.js';

interface JupyterLiteGlobalData {
  liteUrl: string;
  apps: string[];
}

/** The iframe URL; REPL parameters go in the hash so the code is not sent to the server. */
function frameUrl(liteUrl: string, props: Props, theme: string): string {
  const app = props.app ?? 'repl';
  if (app === 'repl') {
    const params = new URLSearchParams();
    params.set('kernel', props.kernel ?? 'python');
    const code = typeof props.code === 'string' ? [props.code] : (props.code ?? []);
    for (const entry of code) params.append('code', entry);
    params.set('execute', props.execute === false ? '0' : '1');
    // Always explicit: JupyterLite persists the theme, so omitting it would
    // keep whatever an earlier embed chose.
    params.set('theme', theme);
    if (props.toolbar) params.set('toolbar', '1');
    return `${liteUrl}repl/index.html#${params.toString()}`;
  }
  const query = props.path ? `?path=${encodeURIComponent(props.path)}` : '';
  return `${liteUrl}${app}/index.html${query}`;
}

/**
 * A JupyterLite app in the page. Behind a click-to-load prompt by default,
 * so nothing (not even the iframe) loads until the reader asks. Follows the
 * site's colour mode, also when the reader toggles it while the app is open.
 */
export default function JupyterLiteEmbed(props: Props): ReactNode {
  const {liteUrl, apps} = usePluginData('docusaurus-plugin-jupyterlite') as JupyterLiteGlobalData;
  const colorMode = useSiteColorMode();
  const theme = liteThemeName(props.theme, colorMode);
  const app = props.app ?? 'repl';
  const [requested, setRequested] = useState(props.prompt === false);
  const [src, setSrc] = useState<string | undefined>(undefined);
  const frame = useRef<HTMLIFrameElement>(null);
  const loadedTheme = useRef(theme);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the reader asks for the app or the colour mode changes; the other inputs are fixed for the embed's life.
  useEffect(() => {
    if (!requested) return;
    if (src !== undefined) {
      // Already open: switch the theme in place, else reload with the new one.
      if (loadedTheme.current !== theme && !applyThemeInFrame(frame.current, theme)) {
        loadedTheme.current = theme;
        if (app === 'repl') setSrc(frameUrl(liteUrl, props, theme));
        else void saveTheme(liteUrl, theme).then(() => frame.current?.contentWindow?.location.reload());
      }
      loadedTheme.current = theme;
      return;
    }
    loadedTheme.current = theme;
    // lab/notebooks have no theme parameter: they start with the stored setting.
    const ready = app === 'repl' ? Promise.resolve() : saveTheme(liteUrl, theme).catch(() => undefined);
    void ready.then(() => setSrc(frameUrl(liteUrl, props, theme)));
  }, [requested, theme]);

  const style = {width: props.width ?? '100%', height: props.height ?? '500px'};
  if (!apps.includes(app)) {
    return (
      <div className="alert alert--danger" role="alert">
        {translate(
          {
            id: 'pyodocs.jupyterlite.noSuchApp',
            message: 'This JupyterLite site has no “{app}” app (it has: {apps}).',
            description: 'Shown in place of an embed whose app the JupyterLite site lacks',
          },
          {app, apps: apps.join(', ')},
        )}
      </div>
    );
  }
  return (
    <div className="pyodocs-jupyterlite-embed" data-pyodocs-jupyterlite={app} style={{marginBottom: '1rem'}}>
      {!requested ? (
        <div
          style={{
            ...style,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            border: '1px solid var(--ifm-color-emphasis-300)',
            borderRadius: 'var(--ifm-global-radius)',
          }}
        >
          <button type="button" className="button button--primary" onClick={() => setRequested(true)}>
            {props.promptLabel ?? loadLabel(app)}
          </button>
        </div>
      ) : (
        <iframe
          ref={frame}
          src={src}
          title={`JupyterLite ${app}`}
          style={{
            ...style,
            border: '1px solid var(--ifm-color-emphasis-300)',
            borderRadius: 'var(--ifm-global-radius)',
          }}
        />
      )}
    </div>
  );
}

/** The click-to-load button's label for an app. */
function loadLabel(app: string): string {
  if (app === 'repl') {
    return translate({
      id: 'pyodocs.jupyterlite.loadRepl',
      message: 'Load JupyterLite REPL',
      description: 'Button that loads an embedded JupyterLite REPL',
    });
  }
  if (app === 'lab') {
    return translate({
      id: 'pyodocs.jupyterlite.loadLab',
      message: 'Load JupyterLite Lab',
      description: 'Button that loads an embedded JupyterLab',
    });
  }
  return translate({
    id: 'pyodocs.jupyterlite.loadNotebook',
    message: 'Load JupyterLite Notebook',
    description: 'Button that loads an embedded JupyterLite notebook',
  });
}
