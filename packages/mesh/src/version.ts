/** Kept equal to package.json's version by a test; sent in the User-Agent and as `mex-ClientVersion`. */
export const MESH_VERSION = "0.1.0";
