/** The path of a usable Chromium, or null. */
export function locateChromium(): string | null;
/** Returns Chromium's path; with `install`, installs Debian's package first when missing (root on Debian/Ubuntu). Throws one clear line when there is none. */
export function findChromium(opts?: { install?: boolean }): string;
