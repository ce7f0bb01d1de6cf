import {useContext, useMemo} from 'react';
import {PyodideContext} from '../provider/PyodideContext.js';
import {type CellBehaviour, type CellBehaviourOverrides, defaultCellBehaviour} from './CellBehaviour.js';

/** The site's cell behaviour (the provider's `cells`) with a cell's own overrides on top: the cell's prop wins. */
export function useCellBehaviour(overrides: CellBehaviourOverrides | undefined): Readonly<CellBehaviour> {
  const site = useContext(PyodideContext)?.behaviour ?? defaultCellBehaviour;
  const runPrevious = overrides?.runPrevious;
  const persistEdits = overrides?.persistEdits;
  return useMemo(
    () =>
      runPrevious === undefined && persistEdits === undefined
        ? site
        : {...site, runPrevious: runPrevious ?? site.runPrevious, persistEdits: persistEdits ?? site.persistEdits},
    [site, runPrevious, persistEdits],
  );
}
