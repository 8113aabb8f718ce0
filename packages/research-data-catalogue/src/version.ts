/** Kept equal to package.json's version by a test; sent in the User-Agent. */
export const RESEARCH_DATA_CATALOGUE_VERSION = "0.1.0";
