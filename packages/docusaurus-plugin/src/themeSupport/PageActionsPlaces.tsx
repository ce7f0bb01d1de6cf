import {type ReactNode, useEffect, useState, useSyncExternalStore} from 'react';
import {createPortal} from 'react-dom';
import PythonPageActions, {type Props} from '@theme/PythonPageActions';

// The page actions are rendered by the page's first mounted cell, into the
// places the classic theme has for them, found by its stable class names.
// Not by wrappers of the doc and blog layouts: those sat in the doc page's
// chunk of every page, with cells or not, and split it in two (issue 13).

type Placement = Props['placement'];

interface Place {
  readonly placement: Placement;
  /** The theme's element the place is found by. */
  readonly anchor: Element;
  /** Ours: the portal's container, put in the theme's DOM next to (or in) the anchor. */
  readonly container: HTMLElement;
}

/** Where each placement goes, relative to the theme's element it is found by. */
const PLACES: ReadonlyArray<{
  placement: Placement;
  /** The class of <html> on the pages that have this place. */
  page: string;
  anchor: string;
  put: 'prepend' | 'after';
  /** Not on a page that has one of these: a fallback place. */
  unless?: string;
}> = [
  // The top of the (sticky) table of contents of wide screens.
  {placement: 'toc', page: 'docs-doc-page', anchor: '.theme-doc-toc-desktop', put: 'prepend'},
  // Under the collapsible table of contents of narrow screens (hidden on wide ones, by styles.module.css).
  {placement: 'toc-mobile', page: 'docs-doc-page', anchor: '.theme-doc-toc-mobile', put: 'after'},
  // After the content, before the tags and edit link, when no table of contents holds the actions.
  {
    placement: 'footer',
    page: 'docs-doc-page',
    anchor: '.theme-doc-markdown',
    put: 'after',
    unless: '.theme-doc-toc-desktop, .theme-doc-toc-mobile',
  },
  // A blog post's own page (its content has this id there only, not in the list of posts).
  {placement: 'blog-footer', page: 'blog-post-page', anchor: '#__blog-post-container', put: 'after'},
];

/** The places the page has now, keeping the containers of those it had. */
function findPlaces(current: readonly Place[]): Place[] {
  const pageClasses = document.documentElement.classList;
  const places: Place[] = [];
  for (const {placement, page, anchor: selector, put, unless} of PLACES) {
    if (unless !== undefined && document.querySelector(unless) !== null) continue;
    const anchor = document.querySelector(selector);
    if (anchor === null) continue;
    // A place stays while its anchor does, whatever <html>'s class says for a moment (Helmet rewrites it
    // during a slow hydration, for 15-30 ms without the page's classes): the actions would flicker.
    const kept = current.find((place) => place.anchor === anchor && place.placement === placement);
    if (kept?.container.isConnected) {
      places.push(kept);
      continue;
    }
    // A new place only on the pages that have it.
    if (!pageClasses.contains(page)) continue;
    const container = document.createElement('div');
    container.dataset['pyodocsPageActionsPlace'] = placement;
    if (put === 'prepend') anchor.prepend(container);
    else anchor.after(container);
    places.push({placement, anchor, container});
  }
  return places;
}

/** The page's actions in each place the theme has for them; rendered once per page (see usePageActionsHost). */
function PageActionsPlaces(): ReactNode {
  const [places, setPlaces] = useState<readonly Place[]>([]);
  useEffect(() => {
    let current: readonly Place[] = [];
    const update = () => {
      const next = findPlaces(current);
      for (const place of current) if (!next.includes(place)) place.container.remove();
      if (next.length !== current.length || next.some((place, index) => place !== current[index])) {
        current = next;
        setPlaces(next);
      }
    };
    update();
    // The theme mounts and unmounts places after the cells (the wide screen's table of contents comes and goes with the window's width).
    const observer = new MutationObserver(update);
    observer.observe(document.body, {childList: true, subtree: true});
    // And <html>'s class, which says what page this is, is Helmet's to write: after the cells' effects
    // on a slow load, and not always with the page's classes at first.
    observer.observe(document.documentElement, {attributes: true, attributeFilter: ['class']});
    return () => {
      observer.disconnect();
      for (const place of current) place.container.remove();
    };
  }, []);
  return places.map((place) =>
    createPortal(<PythonPageActions placement={place.placement} />, place.container, place.placement),
  );
}

// The mounted cells in mount order: the first one renders the page actions.
const hosts: object[] = [];
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function notify(): void {
  for (const listener of Array.from(listeners)) listener();
}

const notHost = () => false;

/**
 * The page's actions, if this is the page's first mounted cell or doctest
 * block (nothing on the server and while hydrating: the actions show once
 * the cells have mounted, as they always did).
 */
export function PageActionsHost(): ReactNode {
  const [self] = useState(() => ({}));
  useEffect(() => {
    hosts.push(self);
    notify();
    return () => {
      hosts.splice(hosts.indexOf(self), 1);
      notify();
    };
  }, [self]);
  const isHost = useSyncExternalStore(subscribe, () => hosts[0] === self, notHost);
  return isHost ? <PageActionsPlaces /> : null;
}
