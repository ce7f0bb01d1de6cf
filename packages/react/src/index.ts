export {PyodideProvider, type PyodideProviderProps} from './provider/PyodideProvider.js';
export type {PyodideConfig} from './provider/PyodideConfig.js';
export {usePyodideClient} from './provider/usePyodideClient.js';
export {usePyodideStatus} from './provider/usePyodideStatus.js';
export {PythonCell, type PythonCellProps} from './cell/PythonCell.js';
export {getCurrentCellCode} from './cell/cellRegistry.js';
export {defaultPythonCellLabels, type PythonCellLabels} from './labels/PythonCellLabels.js';
