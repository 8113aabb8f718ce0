// Every API package's normalized OpenAPI documents, found by file name so new packages appear on their own.
const loaders = import.meta.glob<Record<string, unknown>>("../../../packages/*/openapi*.json", { import: "default" });

export type OpenApiDocument = {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
};

export function hasSpec(apiId: string, specFile: string): boolean {
  return `../../../packages/${apiId}/${specFile}` in loaders;
}

export async function loadSpec(apiId: string, specFile: string): Promise<OpenApiDocument> {
  const load = loaders[`../../../packages/${apiId}/${specFile}`];
  if (!load) throw new Error(`No ${specFile} in packages/${apiId}: run pnpm codegen.`);
  return (await load()) as OpenApiDocument;
}
