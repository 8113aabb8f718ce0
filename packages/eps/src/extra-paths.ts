// WORKAROUND (codegen): operations the EPS service answers but the generated `paths` lack, written by hand in
// openapi-typescript's shape so they go through the same typed core client. `/metadata` is only in the split
// documents; `$validate` and `$convert` are the prescribing spec's proxy-routing placeholders that codegen
// drops; the tracker (`GET /FHIR/R4/Task`) and `_poll` are in no published document. See the README.
import type { CapabilityStatement, FhirBundle, FhirResource, OperationOutcome } from "./types.js";

/** Like every EPS operation, these take the user's role id when there is one. */
type Header = { "NHSD-Session-URID"?: string };
type NoParams = { query?: never; header?: Header; path?: never; cookie?: never };
type Methods = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type Item<Op, Method extends "get" | "post"> = { parameters: NoParams } & {
  [M in Exclude<Methods, Method>]?: never;
} & {
  [M in Method]: Op;
};
type Json<T> = { headers: { [name: string]: unknown }; content: { "application/fhir+json": T } };
type Failure = { headers: { [name: string]: unknown }; content: { "application/fhir+json": OperationOutcome } };

export interface ExtraPaths {
  "/metadata": Item<
    {
      parameters: NoParams;
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": CapabilityStatement } };
      };
    },
    "get"
  >;
  "/FHIR/R4/Task": Item<
    {
      parameters: {
        query: { "focus:identifier": string };
        header?: Header;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: Json<FhirBundle>; "4XX": Failure };
    },
    "get"
  >;
  "/FHIR/R4/$validate": Item<
    {
      parameters: NoParams;
      requestBody: { content: { "application/fhir+json": FhirResource } };
      responses: { 200: Json<OperationOutcome>; "4XX": Failure };
    },
    "post"
  >;
  "/FHIR/R4/$convert": Item<
    {
      parameters: NoParams;
      requestBody: { content: { "application/fhir+json": FhirResource } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/xml": string } };
        "4XX": Failure;
      };
    },
    "post"
  >;
}
