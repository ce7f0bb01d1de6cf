/** The JupyterLab theme matching Docusaurus's colour mode (or an explicit choice). */
export function liteThemeName(theme: string | undefined, colorMode: 'light' | 'dark'): string {
  if (theme && theme !== 'auto') return theme;
  return colorMode === 'dark' ? 'JupyterLab Dark' : 'JupyterLab Light';
}

interface ExposedApp {
  commands: {execute(id: string, args?: object): Promise<unknown>};
}

/**
 * Switches a loaded lite app's theme in place, through the `window.jupyterapp`
 * the plugin exposes; false when the frame has no such app (e.g. a prebuilt
 * site without `exposeAppInBrowser`, or not started yet).
 */
export function applyThemeInFrame(frame: HTMLIFrameElement | null, theme: string): boolean {
  try {
    const app = (frame?.contentWindow as (Window & {jupyterapp?: ExposedApp}) | null)?.jupyterapp;
    if (!app) return false;
    void app.commands.execute('apputils:change-theme', {theme});
    return true;
  } catch {
    return false;
  }
}
