import {render} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import {xtermPaletteColor} from '../../src/output/ansiPalette.js';
import {AnsiText} from '../../src/output/AnsiText.js';
import {renderBundle} from './renderBundle.js';

function spans(text: string): Array<{text: string; className: string; style: string}> {
  const {container} = render(<pre>{<AnsiText text={text} />}</pre>);
  return Array.from(container.querySelectorAll('span')).map((span) => ({
    text: span.textContent ?? '',
    className: span.className,
    style: span.getAttribute('style') ?? '',
  }));
}

describe('ANSI colours in text', () => {
  it('turns SGR colours and decorations into classed spans and drops the escapes', () => {
    const text = '\u001b[31mred\u001b[0m plain \u001b[1;92mbold bright green\u001b[0m \u001b[44;37mon blue\u001b[0m';
    const {container} = render(<pre>{<AnsiText text={text} />}</pre>);
    expect(container.textContent).toBe('red plain bold bright green on blue');
    expect(spans(text)).toEqual([
      {text: 'red', className: 'pyodocs-ansi-red-fg', style: ''},
      {text: 'bold bright green', className: 'pyodocs-ansi-bright-green-fg pyodocs-ansi-bold', style: ''},
      {text: 'on blue', className: 'pyodocs-ansi-white-fg pyodocs-ansi-blue-bg', style: ''},
    ]);
  });

  it('renders 256-colour and true-colour escapes as inline colours', () => {
    expect(spans('\u001b[38;5;208morange\u001b[0m\u001b[48;2;10;20;30mdark\u001b[0m')).toEqual([
      {text: 'orange', className: '', style: 'color: rgb(255, 135, 0);'},
      {text: 'dark', className: '', style: 'background-color: rgb(10, 20, 30);'},
    ]);
    expect(xtermPaletteColor(16)).toBe('rgb(0, 0, 0)');
    expect(xtermPaletteColor(231)).toBe('rgb(255, 255, 255)');
    expect(xtermPaletteColor(244)).toBe('rgb(128, 128, 128)');
    expect(xtermPaletteColor(7)).toBeUndefined();
  });

  it('escapes everything: markup inside coloured text stays text', () => {
    const {container} = render(
      <pre>{<AnsiText text={'\u001b[31m<img src=x onerror=alert(1)>\u001b[0m<b>b</b>'} />}</pre>,
    );
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)><b>b</b>');
  });

  it('colours stdout/stderr streams and text/plain results', async () => {
    const root = await renderBundle({'text/plain': '\u001b[32mok\u001b[0m'});
    expect(root.querySelector('pre span.pyodocs-ansi-green-fg')?.textContent).toBe('ok');
  });
});
