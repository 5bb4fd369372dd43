/** Types for scripts/build.mjs (plain JavaScript so that it runs before anything is compiled). */
export function sources(): string[];
export function buildServer(options?: { force?: boolean; outDir?: string }): Promise<boolean>;
