// Hand-written OpenAPI-style path types for what the generated spec leaves out. The identity-service
// specification documents only GET /authorize and POST /token; NHS login publishes no OpenAPI document at all.
import type { paths as GeneratedPaths } from "./generated/openapi.js";
import type {
  Cis2UserInfo,
  ErrorResponse,
  JsonWebKeySet,
  NhsLoginTokenResponseBody,
  NhsLoginUserInfo,
  OpenIdConfiguration,
  PlatformTokenResponseBody,
} from "./types.js";

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Json<T> = { headers: { [name: string]: unknown }; content: { "application/json": T } };
type Get<T> = {
  parameters: NoParams;
  requestBody?: never;
  responses: { 200: Json<T>; 400: Json<ErrorResponse>; 401: Json<ErrorResponse> };
};
type Path<Ops> = { parameters: NoParams } & Ops;

/** The form fields the platform's `/oauth2/token` takes across its grants. */
export interface PlatformTokenForm {
  grant_type: string;
  code?: string;
  redirect_uri?: string;
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
}

/** The platform's `/oauth2`: the generated operations plus the endpoints the live service has beyond the spec. */
export type PlatformPaths = Omit<GeneratedPaths, "/token"> & {
  "/token": Path<{
    post: {
      parameters: NoParams;
      requestBody: { content: { "application/x-www-form-urlencoded": PlatformTokenForm } };
      responses: { 200: Json<PlatformTokenResponseBody>; 400: Json<ErrorResponse>; 401: Json<ErrorResponse> };
    };
  }>;
  "/userinfo": Path<{ get: Get<Cis2UserInfo> }>;
  "/_ping": Path<{ get: Get<Record<string, unknown>> }>;
};

/** The form fields NHS login's `/token` takes. */
export interface NhsLoginTokenForm {
  grant_type: "authorization_code" | "refresh_token";
  code?: string;
  redirect_uri?: string;
  code_verifier?: string;
  refresh_token?: string;
  scope?: string;
  client_assertion_type: string;
  client_assertion: string;
}

/** NHS login's OpenID Connect endpoints, relative to its base URL (the issuer's host). */
export interface NhsLoginPaths {
  "/.well-known/openid-configuration": Path<{ get: Get<OpenIdConfiguration> }>;
  "/.well-known/jwks.json": Path<{ get: Get<JsonWebKeySet> }>;
  "/token": Path<{
    post: {
      parameters: NoParams;
      requestBody: { content: { "application/x-www-form-urlencoded": NhsLoginTokenForm } };
      responses: { 200: Json<NhsLoginTokenResponseBody>; 400: Json<ErrorResponse>; 401: Json<ErrorResponse> };
    };
  }>;
  "/userinfo": Path<{ get: Get<NhsLoginUserInfo> }>;
}
