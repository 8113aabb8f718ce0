// Swagger 2.0 -> OpenAPI 3.0 (the GP Connect provider document is the only Swagger 2.0 source).

import swagger2openapi from "swagger2openapi";
import { isObject, type JsonObject } from "./openapi.js";

export function isSwagger2(doc: JsonObject): boolean {
  return doc.swagger === "2.0";
}

export async function convertSwagger2(doc: JsonObject, label: string): Promise<JsonObject> {
  // patch: repair the small defects swagger2openapi knows how to repair instead of rejecting the document.
  const result = await swagger2openapi.convertObj(structuredClone(doc), { patch: true });
  if (!isObject(result.openapi)) throw new Error(`${label}: swagger2openapi returned no document`);
  return result.openapi;
}
