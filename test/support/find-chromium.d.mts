/** The path of a usable Chromium, or null. */
export function locateChromium(): string | null;
/** Returns Chromium's path; throws one clear line when there is none. */
export function findChromium(): string;
