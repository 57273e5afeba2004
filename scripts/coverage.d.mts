/** Saves Playwright JS coverage entries of one page for the merged report (only localhost scripts). */
export declare function writeBrowserCoverage(runner: string, entries: readonly { url: string }[]): void;
/** Keeps the source map served at `url` once, for the report made after the servers stop. */
export declare function saveSourceMap(url: string, text: string): void;
export declare function hasSourceMap(url: string): boolean;
