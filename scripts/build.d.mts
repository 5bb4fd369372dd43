/** Types for scripts/build.mjs (plain JavaScript so that it runs before anything is compiled). */
export function sources(): string[];
export function needsBuild(options?: { outDir?: string }): boolean;
export function buildServer(options?: { force?: boolean; outDir?: string }): Promise<boolean>;
/** The bundled server under dist/ that `npm start` runs. */
export declare const BUNDLE: string;
