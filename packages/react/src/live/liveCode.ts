// The run code's chunk (see loadLiveCode.ts): what cells and page actions
// need once Python is to run, and not to render.
export {cellReducer} from '../cell/cellReducer.js';
export {runStatusParts} from '../cell/runStatus.js';
export {englishRunLabels} from '../labels/runLabels.js';
export {runCell, submitCellRun} from './cellRuns.js';
export {runInOrder} from '../notebook/runInOrder.js';
export {restartPage, runAllCells} from '../notebook/pageRunActions.js';
export {pageActivityText} from '../notebook/pageActivityText.js';
export {clientOf, ledgerOf, prewarm} from './tabClient.js';
