import {englishEarlierEditLabels} from '../persistence/earlierEditLabels.js';
import type {ReaderWorkLabels} from '../persistence/ReaderWorkLabels.js';
import {englishRunLabels} from './runLabels.js';
import {englishDoctestLabels} from '../doctest/doctestLabels.js';
import {englishViewLabels} from './viewLabels.js';
import {englishOutputLabels} from '../output/outputLabels.js';

/**
 * Every string the cell shows or announces. Sites pass translations (the
 * Docusaurus theme fills them from its i18n) through `PyodideProvider`'s
 * `labels` or a cell's `labels`; anything left out falls back to English.
 */
export interface PythonCellLabels extends ReaderWorkLabels {
  /** Run button. End-to-end tests find it by this name, so keep it "Run" in English. */
  run: string;
  /** Stop button ("Stop" in English, relied on by tests). */
  stop: string;
  /** Reset button ("Reset" in English, relied on by tests). */
  reset: string;
  /** Button that turns the static code into an editor. */
  edit: string;
  /** Describes the code area to assistive technology before it becomes an editor. */
  editHint: string;
  /** Accessible name of the code editor. */
  editor: string;
  /** Status while the Python runtime downloads and starts; the runtime's stage message follows it. */
  loading: string;
  /** Status while a package downloads; `{package}`, `{loaded}` and `{total}` (MiB) are filled in. */
  loadingPackage: string;
  /** The same when the server did not say the size. */
  loadingPackageUnknownSize: string;
  /** Status while this cell's code runs. */
  running: string;
  /** Status while this cell waits for earlier runs. */
  queued: string;
  /** Status after the code raised an exception. */
  pythonError: string;
  /** Accessible name of the output area. */
  output: string;
  /** Notice when a run was stopped before it started. */
  stopped: string;
  /** Notice when stopping a running cell restarted Python (all variables are gone). */
  restarted: string;
  /** Notice when a run hit its time limit; `{seconds}` is filled in. */
  timedOut: string;
  /** Accessible name of the text field shown while the code waits in `input()`. */
  inputField: string;
  /** Button that sends the answer to `input()`. */
  inputSubmit: string;
  /** Status and notice prefix when Python itself could not run (offline, crashed worker, …); Run retries. */
  failed: string;
  /** Shown on Run when no `PyodideProvider` is above the cell. */
  noProvider: string;
  /** Shown when the editor code could not be downloaded; the static code stays. */
  editorFailed: string;
  /** Shown for an output whose MIME types have no renderer yet; the types follow it. */
  unsupportedOutput: string;
  /** Summary of a folded `hide-cell` cell. */
  showCell: string;
  /** Summary of folded `hide-input` code. */
  showCode: string;
  /** Summary of folded `hide-output` output. */
  showOutput: string;
  /** Button that turns a documented doctest example into a live cell. */
  tryIt: string;
  /** Accessible name of the list of checked doctest examples. */
  doctestResults: string;
  /** Verdict of an example whose output is the documented one. */
  doctestMatch: string;
  /** Verdict of an example whose output differs from the documented one. */
  doctestMismatch: string;
  /** Verdict of an example marked `+SKIP`. */
  doctestSkipped: string;
  /** Heading of the documented output of an example. */
  doctestDocumented: string;
  /** Heading of the output the example really produced. */
  doctestGot: string;
  /** Shown instead of an empty box when an example prints nothing (documented or real). */
  doctestNoOutput: string;
  /** Summary of the toggle that shows an error's details (the URLs and causes behind a package error). */
  errorDetails: string;
  /** Verdict of the doctest example a stop or time limit interrupted; `{number}` (1-based) is filled in. */
  doctestStoppedAt: string;

  // Added with notebook behaviour; optional so that label sets written for
  // earlier versions still type-check (the English default fills in).

  /** Status of a cell queued because a cell below, which the reader ran, needs it first. */
  queuedNeeded?: string;
  /** Status of such a cell while it runs. */
  runningNeeded?: string;
  /** Notice of a queued run cancelled because an earlier cell it needs failed. */
  neededFailed?: string;
  /** The execution count shown after a run, `{count}` filled in (Jupyter's `[3]`). */
  executionCount?: string;
  /** What the execution count and duration say to assistive technology; `{count}` and `{duration}` are filled in. */
  executionSummary?: string;
  /** A run's duration under a second; `{value}` is a whole number of milliseconds. */
  durationMilliseconds?: string;
  /** A run's duration of a second or more; `{value}` is seconds with one decimal. */
  durationSeconds?: string;
  /** Note on outputs produced when the site was built (before any Run). */
  buildOutputs?: string;
  /** Summary of a doctest block checked at build whose examples all matched; `{count}` is filled in. */
  doctestBuildPassed?: string;
  /** Summary of a doctest block checked at build with differences; `{failed}` and `{count}` are filled in. */
  doctestBuildFailed?: string;
  /** What screen readers hear, once, when a package starts downloading (the visible line with the MiB is not announced); `{package}` is filled in. */
  loadingPackageStarted?: string;
}

export const defaultPythonCellLabels: Readonly<Required<PythonCellLabels>> = Object.freeze({
  ...englishViewLabels,
  ...englishEarlierEditLabels,
  ...englishOutputLabels,
  ...englishDoctestLabels,
  ...englishRunLabels,
});
