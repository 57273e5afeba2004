/** Saves Playwright JS coverage entries of one page for the merged report (only localhost scripts). */
export declare function writeBrowserCoverage(runner: string, entries: readonly { url: string }[]): void;
