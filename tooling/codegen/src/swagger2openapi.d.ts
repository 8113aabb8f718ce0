// swagger2openapi ships no types; this declares the one function codegen uses.
declare module "swagger2openapi" {
  interface ConvertOptions {
    patch?: boolean;
    warnOnly?: boolean;
  }
  interface ConvertResult {
    openapi: unknown;
  }
  const swagger2openapi: {
    convertObj(swagger: object, options: ConvertOptions): Promise<ConvertResult>;
  };
  export default swagger2openapi;
}
