import type {Browser} from 'playwright-core';

/** Debian's Chromium: Playwright's own browser download is not available here. */
export declare const CHROMIUM_PATH: string;

/** Headless Chromium without the background traffic (updates, sync, QUIC) that would blur request logs and timings. */
export declare function launchChromium(): Promise<Browser>;
