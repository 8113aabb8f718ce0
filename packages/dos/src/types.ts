import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/**
 * A service in a search answer. Only `id`, `name` and `endpoints` are confirmed JSON keys; everything else the
 * DoS documentation lists (type, ODS code, address, phones, opening times, referral instructions, capacity,
 * distance...) arrives under key names nobody has published, so it is reachable but typed `unknown`.
 */
export type SearchService = Schemas["SearchService"];
/** A service in a lookup answer (byOdsCode, byServiceId): the larger data set, typed as loosely. */
export type LookupService = Schemas["LookupService"];
/** The `success` envelope of a search. Besides `serviceCount` and `services`, keys are unconfirmed. */
export type SearchSuccess = Schemas["SearchSuccess"];
export type LookupSuccess = Schemas["LookupSuccess"];
export type SearchResponse = Schemas["SearchResponse"];
export type LookupResponse = Schemas["LookupResponse"];
/** `{"error": {"code": 400, "message": "Bad Request: ..."}}` */
export type ErrorResponse = Schemas["ErrorResponse"];
/** A DoS service id: a number on the request side; the JSON type in answers is not confirmed. */
export type ServiceId = Schemas["ServiceId"];
