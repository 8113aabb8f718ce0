/** Kept equal to package.json's version by a test; used in the User-Agent. */
export const CORE_VERSION = "0.1.0";
