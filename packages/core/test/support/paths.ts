// A small hand-written stand-in for openapi-typescript output, shaped like the PDS types
// (FHIR media types, path and header parameters, an OperationOutcome error).
export interface Patient {
  resourceType: "Patient";
  id: string;
  birthDate?: string;
}
export interface OperationOutcome {
  resourceType: "OperationOutcome";
  issue: Array<{ severity: string; code: string; diagnostics?: string }>;
}
export interface Bundle {
  resourceType: "Bundle";
  type: "searchset";
  total?: number;
  link?: Array<{ relation: string; url: string }>;
  entry?: Array<{ fullUrl?: string; resource: Patient }>;
}

export interface paths {
  "/Patient/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: {
        query?: never;
        header?: { "X-Correlation-ID"?: string; "NHSD-Session-URID"?: string };
        path: { id: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { ETag?: string; [name: string]: unknown }; content: { "application/fhir+json": Patient } };
        "4XX": { headers: { [name: string]: unknown }; content: { "application/fhir+json": OperationOutcome } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: {
      parameters: { query?: never; header: { "If-Match": string }; path: { id: string }; cookie?: never };
      requestBody: {
        content: { "application/json-patch+json": { patches: Array<{ op: string; path: string; value?: unknown }> } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/fhir+json": Patient } };
      };
    };
    trace?: never;
  };
  "/Patient": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: { family?: string; birthdate?: string[] }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: { [name: string]: unknown }; content: { "application/fhir+json": Bundle } } };
    };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { "application/fhir+json": { nhsNumberAllocation?: string } } };
      responses: { 201: { headers: { [name: string]: unknown }; content: { "application/fhir+json": Patient } } };
    };
    put?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/$process-message#prescription-order": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { "application/fhir+json": { resourceType: "Bundle" } } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/fhir+json": OperationOutcome } };
      };
    };
    get?: never;
    put?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
