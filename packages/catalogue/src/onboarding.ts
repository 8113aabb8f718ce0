// What it takes to go live with each API, in nhskit's words, from NHS England's published material: the
// onboarding process page, each API's catalogue page and specification ("Who can use this API", "Network
// access", "Onboarding", "Environments and testing") and the DoS acceptable use policy.
//
// Kept apart from the API entries on purpose: a client imports only its own entry, and none of this text
// belongs in an application's bundle. The CLI (`pnpm nhskit onboarding <api>`), the README "Going live"
// sections (tooling/going-live) and the playground read it from here.
import type { bars } from "./apis/bars.js";
import type { dataRegisters } from "./apis/data-registers.js";
import type { dos } from "./apis/dos.js";
import type { eRs } from "./apis/e-rs.js";
import type { eps } from "./apis/eps.js";
import type { gpConnectAppointments } from "./apis/gp-connect-appointments.js";
import type { immunisationHistory } from "./apis/immunisation-history.js";
import type { mesh } from "./apis/mesh.js";
import type { nhsApp } from "./apis/nhs-app.js";
import type { nhsLogin } from "./apis/nhs-login.js";
import type { nrl } from "./apis/nrl.js";
import type { odsFhir } from "./apis/ods-fhir.js";
import type { odsOrd } from "./apis/ods-ord.js";
import type { pds } from "./apis/pds.js";
import type { researchDataCatalogue } from "./apis/research-data-catalogue.js";
import type { scr } from "./apis/scr.js";
import type { sds } from "./apis/sds.js";
import type { serviceSearch } from "./apis/service-search.js";
import type { websiteContent } from "./apis/website-content.js";
import type { ApiEntry, AuthPattern, Environment } from "./types.js";

/** The id of every API in the catalogue. */
export type ApiId =
  | (typeof pds)["id"]
  | (typeof eps)["id"]
  | (typeof scr)["id"]
  | (typeof nrl)["id"]
  | (typeof bars)["id"]
  | (typeof gpConnectAppointments)["id"]
  | (typeof eRs)["id"]
  | (typeof immunisationHistory)["id"]
  | (typeof nhsApp)["id"]
  | (typeof serviceSearch)["id"]
  | (typeof nhsLogin)["id"]
  | (typeof sds)["id"]
  | (typeof researchDataCatalogue)["id"]
  | (typeof websiteContent)["id"]
  | (typeof mesh)["id"]
  | (typeof dos)["id"]
  | (typeof dataRegisters)["id"]
  | (typeof odsOrd)["id"]
  | (typeof odsFhir)["id"];

/**
 * How NHS England approves software before it may use an API in production.
 * - `digital-onboarding`: NHS England's online onboarding ("product onboarding" in the developer account).
 * - `SCAL`: the Supplier Conformance Assessment List, one per product covering all its NHS APIs.
 * - `CAP`: the older Common Assurance Process, different for each service (some older and HL7 V3 APIs).
 * - `own-process`: the service runs its own (or borrows another API's).
 * - `not-open`: NHS England does not take onboarding requests for it yet.
 * - `none`: open data with nothing to approve.
 */
export type AssuranceProcess = "digital-onboarding" | "SCAL" | "CAP" | "own-process" | "not-open" | "none";

export const ASSURANCE_LABELS: Readonly<Record<AssuranceProcess, string>> = {
  "digital-onboarding": "Digital onboarding (online, in your NHS developer account)",
  SCAL: "Supplier Conformance Assessment List (SCAL)",
  CAP: "Common Assurance Process (CAP)",
  "own-process": "The service's own process",
  "not-open": "Not open for onboarding yet",
  none: "None",
};

/** Whether the API needs a Health and Social Care Network connection. */
export type HscnNeed = "no" | "smartcards" | "yes" | "depends";

export const HSCN_LABELS: Readonly<Record<HscnNeed, string>> = {
  no: "Not needed",
  smartcards: "Only for NHS smartcard users",
  yes: "Needed",
  depends: "Depends on the route",
};

/** One way to call the API and what a team must have in place for it. */
export interface AccessModeFact {
  readonly auth: AuthPattern;
  /** E.g. "Healthcare worker (NHS CIS2)". */
  readonly name: string;
  readonly needs: readonly string[];
}

/** One stage on the way from trying the API to using it for real. */
export interface PathStep {
  readonly environment: Environment;
  readonly what: string;
}

export interface OnboardingFacts {
  readonly assurance: { readonly process: AssuranceProcess; readonly note: string };
  readonly hscn: { readonly need: HscnNeed; readonly note: string };
  /** A use case (and legal basis) to agree, or an access request to make, before going live. */
  readonly approval: { readonly needed: boolean; readonly note: string };
  /** Every pattern in the API's `auth`, and nothing else. */
  readonly accessModes: readonly AccessModeFact[];
  /** In order: local, sandbox, integration (or development), production. */
  readonly path: readonly PathStep[];
  /** For APIs without a published figure (no `rateLimit` on the entry): what is known instead. */
  readonly rateLimitNote?: string;
  /** Rules of use beyond the rate limit: caching, crawling, attribution, display. */
  readonly rules?: readonly string[];
}

// ---- Shared wording -------------------------------------------------------------------------------------

const APP = "An application in your NHS developer account with this API added (one per environment)";
const API_KEY_NEEDS = [
  APP,
  "Its API key, sent in the `apikey` header: `apiKey({ key })` from `@nhskit/auth`. No secret, public key or callback URL",
];
const JWT_NEEDS = [
  APP,
  "An RSA key pair: register the public key set (JWKS) for the application at an HTTPS URL (`pnpm nhskit keys generate --kid <kid>` makes both)",
  "`signedJwt({ apiKey, privateKey, kid, environment })` from `@nhskit/auth` signs the client assertion and fetches tokens",
];
const CIS2_NEEDS = [
  "Users signed in with NHS CIS2 (an NHS smartcard or an internet-facing alternative) at the assurance level the API asks for",
  "Combined sign-in: the platform runs it (register the application's callback URL). Separate: your own CIS2 integration, then a token exchange with a signed JWT",
  "Pass the user's token with `userToken({ getAccessToken })` from `@nhskit/auth`",
];
const NHS_LOGIN_NEEDS = [
  "Patients signed in with NHS login and verified to P9",
  "Separate sign-in: your own NHS login integration (onboarded with NHS login), then a token exchange with a signed JWT. Combined: the platform runs the sign-in",
  "Pass the patient's token with `userToken({ getAccessToken })` from `@nhskit/auth`",
];
const OPEN_NEEDS = ["Nothing: no key, token or registration"];

const INTERNET_AND_HSCN = "Reachable over the internet and, indirectly, over HSCN.";
const SMARTCARD_HSCN =
  "Reachable over the internet and, indirectly, over HSCN. Users who sign in with an NHS smartcard need an HSCN connection; internet-facing alternatives to smartcards avoid that.";
const DIGITAL = (extra: string) =>
  `Plan early: it can take a while. In your developer account choose "product onboarding". ${extra}`;
const USE_CASE = (extra = "") =>
  `Only where there is a legal basis; agree a valid use case with NHS England before building far, and show it during onboarding.${extra ? ` ${extra}` : ""}`;
const PLATFORM_BASELINE =
  "None published for this API. NHS England's API platform applies a baseline of 5 requests a second to the APIs it hosts unless it sets another (as the ODS FHIR documentation says); pass `rateLimit` to pace yourself.";

const LOCAL: PathStep = {
  environment: "local",
  what: "nhskit's sandbox (`pnpm sandbox`): offline and free, no credentials, answers like the hosted sandbox",
};
const SANDBOX: PathStep = {
  environment: "sandbox",
  what: "NHS England's hosted sandbox: open, no onboarding or credentials, fixed test data",
};
const int = (credentials: string): PathStep => ({
  environment: "int",
  what: `${credentials}; formal testing with integration test data`,
});
const PROD: PathStep = {
  environment: "prod",
  what: "Once onboarding is approved, NHS England enables the API for your production application",
};

// ---- Per API --------------------------------------------------------------------------------------------

const facts: Readonly<Record<ApiId, OnboardingFacts>> = {
  pds: {
    assurance: {
      process: "digital-onboarding",
      note: DIGITAL(
        "You show technical conformance for each access mode you use and that you manage clinical risk, which can shape your design.",
      ),
    },
    hscn: { need: "smartcards", note: SMARTCARD_HSCN },
    approval: { needed: true, note: USE_CASE() },
    accessModes: [
      { auth: "signed-jwt", name: "Application-restricted (restricted access, no user)", needs: JWT_NEEDS },
      {
        auth: "cis2",
        name: "Healthcare worker (NHS CIS2, AAL2 or AAL3)",
        needs: [...CIS2_NEEDS, "The worker's role id as `sessionUrid` (`NHSD-Session-URID`)"],
      },
      { auth: "nhs-login", name: "Patient (NHS login, P9)", needs: NHS_LOGIN_NEEDS },
    ],
    path: [
      LOCAL,
      SANDBOX,
      int("An application with PDS and credentials for your access mode"),
      { ...PROD, what: `${PROD.what}. Need more than 5 a second? Ask during onboarding.` },
    ],
  },
  eps: {
    assurance: {
      process: "own-process",
      note: "EPS has its own onboarding and assurance for IT suppliers, and your software must be approved before it starts. The combined API takes no new suppliers: onboard to FHIR Prescribing and FHIR Dispensing.",
    },
    hscn: { need: "smartcards", note: SMARTCARD_HSCN },
    approval: { needed: true, note: USE_CASE("Approval is needed before going live.") },
    accessModes: [
      {
        auth: "cis2",
        name: "Healthcare worker (NHS CIS2, separate authentication only, AAL3)",
        needs: [...CIS2_NEEDS, "The prescriber's or dispenser's role profile id as `sessionUrid`"],
      },
      {
        auth: "signed-jwt",
        name: "Application-restricted: only FHIR Dispensing's release (`Task/$release`)",
        needs: JWT_NEEDS,
      },
    ],
    path: [
      LOCAL,
      SANDBOX,
      int("An application with FHIR Prescribing and/or FHIR Dispensing, and CIS2 sign-in"),
      {
        ...PROD,
        what: "After EPS assurance. Production URLs for the split products are not published yet",
      },
    ],
  },
  scr: {
    assurance: {
      process: "digital-onboarding",
      note: DIGITAL("You show that you manage clinical risk and that your software conforms technically."),
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: {
      needed: true,
      note: USE_CASE("For now the API is offered to new-market-entrant GP software developers."),
    },
    accessModes: [
      {
        auth: "cis2",
        name: "Healthcare worker (NHS CIS2, AAL2 or AAL3, combined or separate)",
        needs: [...CIS2_NEEDS, "The worker's role id as `sessionUrid` (`NHSD-Session-URID`)"],
      },
      {
        auth: "signed-jwt",
        name: "Application-restricted: only `getScrId`, `getScr` and `uploadScr` (GP batch updates)",
        needs: JWT_NEEDS,
      },
    ],
    path: [
      LOCAL,
      SANDBOX,
      int("An application with SCR and CIS2 sign-in"),
      {
        ...PROD,
        what: "Private beta after onboarding; its URL is not published in the specification yet",
      },
    ],
  },
  nrl: {
    assurance: {
      process: "digital-onboarding",
      note: DIGITAL(
        "You show that you manage clinical risk and conform technically; the pointer types your organisation may read or write are agreed then.",
      ),
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: {
      needed: true,
      note: USE_CASE(
        "You also need NHS number verification (a Spine-compliant PDS system or the Spine Mini Service), an appointed Clinical Safety Officer and a clinical safety assessment. Record sharing is reviewed by the Interoperability Working Group and listed in the Controller Catalogue.",
      ),
    },
    accessModes: [
      {
        auth: "signed-jwt",
        name: "Application-restricted (signed JWT)",
        needs: [
          ...JWT_NEEDS,
          "Consumers: every user of your application signs in with an NHS smartcard or another NHS CIS2 method",
          "Your organisation's ODS code on every call (`NHSD-End-User-Organisation-ODS`)",
        ],
      },
    ],
    path: [
      LOCAL,
      {
        environment: "sandbox",
        what: "NHS England's hosted sandbox: open, but it keeps state and everyone shares it",
      },
      int("An application with the NRL consumer and/or producer API and a registered public key"),
      PROD,
    ],
    rateLimitNote: PLATFORM_BASELINE,
    rules: [
      "NRL only points to records: fetch the documents through the retrieval route each pointer names (often the Spine Secure Proxy)",
    ],
  },
  bars: {
    assurance: {
      process: "digital-onboarding",
      note: DIGITAL("You show that you manage clinical risk and that your software conforms technically."),
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: { needed: true, note: USE_CASE("Only for the Booking and Referral Standard.") },
    accessModes: [{ auth: "signed-jwt", name: "Application-restricted (signed JWT)", needs: JWT_NEEDS }],
    path: [
      LOCAL,
      SANDBOX,
      int("An application with BaRS and a registered public key"),
      {
        ...PROD,
        what: `${PROD.what}. BaRS Core 1.4.0 (the version nhskit types) is in development and not offered in production yet`,
      },
    ],
    rateLimitNote: PLATFORM_BASELINE,
  },
  "gp-connect-appointments": {
    assurance: {
      process: "not-open",
      note: "The patient-facing API is in development and NHS England does not take onboarding for it yet. The provider API (through the Spine Secure Proxy) follows GP Connect's own assurance, which our sources do not describe.",
    },
    hscn: {
      need: "depends",
      note: "Patient-facing: on the internet, indirectly over HSCN. Provider: the Spine Secure Proxy, reached over HSCN.",
    },
    approval: {
      needed: true,
      note: USE_CASE(
        "Contact NHS England to confirm it. The patient-facing API is only for patient-facing applications.",
      ),
    },
    accessModes: [
      { auth: "nhs-login", name: "Patient-facing (NHS login P9, separate authentication)", needs: NHS_LOGIN_NEEDS },
      {
        auth: "spine-secure-proxy",
        name: "Provider (Spine Secure Proxy)",
        needs: [
          "A Spine endpoint certificate for mutual TLS with the Spine Secure Proxy, and your system's ASID",
          "The practice's endpoint address and ASID, looked up in SDS (`@nhskit/sds`)",
          "Audit claims on every call (nhskit builds the unsigned JWT from the `audit` option)",
        ],
      },
    ],
    path: [
      LOCAL,
      {
        environment: "sandbox",
        what: "NHS England's hosted sandbox for the patient-facing API: its documentation says it is not available yet",
      },
      {
        environment: "int",
        what: "Not available yet for the patient-facing API; the provider API is tested through your environment's Spine Secure Proxy",
      },
      {
        environment: "prod",
        what: "Not available yet for the patient-facing API",
      },
    ],
    rateLimitNote: PLATFORM_BASELINE,
  },
  "e-rs": {
    assurance: {
      process: "SCAL",
      note: "Plan early: it can take a while. Assure your solution before NHS England grants access to live data.",
    },
    hscn: { need: "smartcards", note: SMARTCARD_HSCN },
    approval: {
      needed: true,
      note: "Needs a justification, registration with NHS England and a valid use case before building far. Writes without a user (accept, triage outcome, cancel) need their use case reviewed.",
    },
    accessModes: [
      {
        auth: "cis2",
        name: "Healthcare worker (NHS CIS2): every endpoint",
        needs: [
          ...CIS2_NEEDS,
          "The user's e-RS business function and organisation ODS code on each call (`NHSD-eRS-Business-Function`, `NHSD-End-User-Organisation-ODS`)",
        ],
      },
      {
        auth: "signed-jwt",
        name: "Application-restricted, unattended: 15 endpoints, mostly read-only",
        needs: [...JWT_NEEDS, "Only where signing a person in is not possible"],
      },
    ],
    path: [LOCAL, SANDBOX, int("An application with e-RS and credentials for your access mode"), PROD],
    rateLimitNote: PLATFORM_BASELINE,
  },
  "immunisation-history": {
    assurance: {
      process: "digital-onboarding",
      note: DIGITAL("You show that you manage clinical risk and that your software conforms technically."),
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: { needed: true, note: USE_CASE() },
    accessModes: [
      { auth: "signed-jwt", name: "Application-restricted (signed JWT)", needs: JWT_NEEDS },
      {
        auth: "nhs-login",
        name: "Patient (NHS login, separate authentication)",
        needs: [...NHS_LOGIN_NEEDS, "A patient may only ask for their own NHS number"],
      },
    ],
    path: [LOCAL, SANDBOX, int("An application with the API and credentials for your access mode"), PROD],
    rateLimitNote: PLATFORM_BASELINE,
  },
  "nhs-app": {
    assurance: {
      process: "digital-onboarding",
      note: DIGITAL("Your product or service must be approved before it can use the API."),
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: {
      needed: true,
      note: "Your service must be integrated with the NHS App; contact the NHS App team before any development. Then send your App ID to the NHS App onboarding team (`app.onboarding@nhs.net`), who grant each channel (messages, push notifications, each report); until then every call is refused with 403.",
    },
    accessModes: [
      {
        auth: "signed-jwt",
        name: "Application-restricted (signed JWT)",
        needs: [
          ...JWT_NEEDS,
          "Channel permissions granted for your App ID by the NHS App onboarding team",
          "For real-time receipts or replies: your callback endpoint enforces mutual TLS with a certificate the NHS App team issues, and allows NHS App's fixed IP address",
        ],
      },
    ],
    path: [
      LOCAL,
      {
        environment: "dep",
        what: "No hosted sandbox: development needs real credentials and channel permissions; NHS login sandpit behind it",
      },
      int("Real credentials and channel permissions; NHS login integration (AOS) behind it"),
      { ...PROD, what: `${PROD.what}; production rate limits are agreed with each supplier` },
    ],
  },
  "service-search": {
    assurance: {
      process: "not-open",
      note: "NHS England lists the API as in development and not yet open for onboarding.",
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: { needed: true, note: USE_CASE("Contact NHS England to confirm it.") },
    accessModes: [{ auth: "api-key", name: "Application-restricted (API key)", needs: API_KEY_NEEDS }],
    path: [
      LOCAL,
      SANDBOX,
      int("An application with the API and its key"),
      {
        environment: "prod",
        what: "Listed, but NHS England's documentation says not yet available",
      },
    ],
  },
  "nhs-login": {
    assurance: {
      process: "own-process",
      note: "The platform's token service has no onboarding of its own: it comes with the API you onboard to. Signing patients in with NHS login directly needs onboarding with NHS login, where your keys and redirect URLs are agreed.",
    },
    hscn: { need: "no", note: "Reachable over the internet." },
    approval: {
      needed: true,
      note: "Through the API you call (its use case), and for direct NHS login sign-in, NHS login's own approval.",
    },
    accessModes: [
      {
        auth: "signed-jwt",
        name: "Application-restricted tokens (client credentials with a signed JWT)",
        needs: JWT_NEEDS,
      },
      {
        auth: "cis2",
        name: "Healthcare worker tokens (CIS2, combined or by token exchange)",
        needs: CIS2_NEEDS,
      },
      {
        auth: "nhs-login",
        name: "Patient tokens and sign-in (NHS login)",
        needs: [
          ...NHS_LOGIN_NEEDS,
          "Direct NHS login: a confidential client authenticating with `private_key_jwt`; exact HTTPS redirect URLs",
        ],
      },
    ],
    path: [
      LOCAL,
      { environment: "sandbox", what: "The platform's sandbox token endpoint (NHS login itself offers a sandpit)" },
      int("An application with the APIs you call; NHS login's integration environment (AOS) for direct sign-in"),
      {
        ...PROD,
        what: "With the API you onboarded to; NHS login production once NHS login approves you",
      },
    ],
    rateLimitNote: PLATFORM_BASELINE,
  },
  sds: {
    assurance: {
      process: "own-process",
      note: "SDS has no onboarding of its own: it follows the onboarding of the API that uses it (GP Connect, for example). Once that is approved, ask NHS England for SDS production access.",
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: { needed: true, note: USE_CASE() },
    accessModes: [{ auth: "api-key", name: "Application-restricted (API key)", needs: API_KEY_NEEDS }],
    path: [
      LOCAL,
      { ...SANDBOX, what: `${SANDBOX.what} (it does not check the API key)` },
      int("An application with SDS and its key"),
      { environment: "dep", what: "The same key pattern, for final testing" },
      { ...PROD, what: "Granted once the API that uses SDS is approved" },
    ],
    rateLimitNote: PLATFORM_BASELINE,
  },
  "research-data-catalogue": {
    assurance: {
      process: "digital-onboarding",
      note: DIGITAL("You show that your software conforms technically."),
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: {
      needed: true,
      note: USE_CASE("For now it is meant for Health Data Research UK developers; other uses are to follow."),
    },
    accessModes: [{ auth: "api-key", name: "Application-restricted (API key)", needs: API_KEY_NEEDS }],
    path: [LOCAL, SANDBOX, int("An application with the API and its key"), PROD],
  },
  "website-content": {
    assurance: {
      process: "digital-onboarding",
      note: "Submit your product in the Digital Onboarding Service and accept the online connection agreement; NHS England enables the API for your production application once your answers are approved.",
    },
    hscn: { need: "smartcards", note: SMARTCARD_HSCN },
    approval: {
      needed: false,
      note: "Anyone may use it for any purpose, once they accept the online connection agreement and show the attribution.",
    },
    accessModes: [{ auth: "api-key", name: "Application-restricted (API key)", needs: API_KEY_NEEDS }],
    path: [
      LOCAL,
      { ...SANDBOX, what: `${SANDBOX.what}; 60 requests a minute` },
      int("An application with the API and its key; 120 requests a minute"),
      { ...PROD, what: `${PROD.what}; 1,200 requests a minute` },
    ],
    rules: [
      "Show the NHS attribution logo next to the content, linked to the page on www.nhs.uk it came from (`attribution(page)` gives you both)",
      "Caching is allowed here (NHS England recommends it), but refresh at least every 7 days, and at once when told to. nhskit itself caches nothing",
    ],
  },
  mesh: {
    assurance: {
      process: "digital-onboarding",
      note: DIGITAL(
        'You show that you manage risk and conform technically (the "MESH assurance questions" page shows the form).',
      ),
    },
    hscn: {
      need: "no",
      note: "Integration and live are on the internet (HSCN host names exist too).",
    },
    approval: {
      needed: true,
      note: "Only where there is a legal basis, shown during onboarding. Mailboxes and the environment's shared secret come from the MESH team (`itoc.supportdesk@nhs.net` for integration).",
    },
    accessModes: [
      {
        auth: "mesh",
        name: "MESH mailbox (NHSMESH header and client certificate)",
        needs: [
          "A mailbox id and password, and the environment's shared secret",
          "A client TLS certificate for each environment: send a CSR with CN `<local_id>.<ods_code>.api.mesh-client.nhs.uk` (to `itoc.supportdesk@nhs.net` for integration; to the national service desk with your conformance certificate for live)",
          "The NHS certificate authority bundle for the environment, to trust its servers",
          "`mesh({ mailboxId, password, sharedKey, tls })` from `@nhskit/auth`",
        ],
      },
    ],
    path: [
      {
        ...LOCAL,
        what: "nhskit's sandbox (`pnpm sandbox`), or NHS England's mesh-sandbox container: no certificate",
      },
      int("A mailbox, the shared secret and an integration client certificate"),
      { environment: "dep", what: "Its own client certificate" },
      {
        ...PROD,
        what: "Live, after onboarding, with a live client certificate issued against your conformance certificate",
      },
    ],
    rateLimitNote:
      "None published. Poll the inbox about every 5 minutes (at least daily) rather than continuously; messages are capped at 100 MB a request (larger ones go in chunks).",
    rules: [
      "Acknowledge downloaded messages: unacknowledged ones are removed after 5 days and the sender is told",
      "Handshake once a day, not per request",
    ],
  },
  dos: {
    assurance: {
      process: "own-process",
      note: "Not on the API platform. Access is by request, reviewed by the DoS Steering Group before go-live; agreeing the use case up front avoids interruptions later.",
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: {
      needed: true,
      note: "An access request with a legal basis, reviewed by the DoS Steering Group. Showing DoS data to the public needs the national and local DoS teams' permission and a clinical safety case (DCB0129).",
    },
    accessModes: [
      {
        auth: "basic",
        name: "DoS account (HTTP basic)",
        needs: [
          "A DoS account (user name and password) issued after the access request; its search role decides what searches return",
          "`basicAuth({ username, password })` from `@nhskit/auth`",
          "Case id `TEST` for every call that is not live",
        ],
      },
    ],
    path: [
      LOCAL,
      { environment: "uat", what: "No hosted sandbox: test in UAT with a DoS account and case id `TEST`" },
      {
        environment: "prod",
        what: "Live, after the access request is approved. Deprecated from 31 May 2026: plan the move to the FHIR-based DoS Search API",
      },
    ],
    rateLimitNote:
      "None published. Excessive request rates may be refused or the caller's IP blocked; pass `rateLimit` to pace yourself.",
    rules: [
      "Do not cache service information: fetch it from the API when a user needs it (caching needs NHS England's explicit permission). nhskit caches nothing",
      "Do not crawl the directory (walking every service id or postcode): crawling is monitored and can get access suspended",
      "Many services take professional referrals only: keep clinician-only details (non-public numbers, referral text) away from patients",
      "Not for NHS Pathways outcomes such as NHS 111 (those use the DoS SOAP API)",
    ],
  },
  "data-registers": {
    assurance: {
      process: "none",
      note: "No onboarding or assurance: open access.",
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: {
      needed: false,
      note: "None, but use it only to support health and social care. (Another public listing says approval is required; NHS England's catalogue says open.)",
    },
    accessModes: [{ auth: "open-access", name: "Open access", needs: OPEN_NEEDS }],
    path: [
      { ...LOCAL, what: "nhskit's sandbox (`pnpm sandbox`): nhskit's provisional model of the API" },
      {
        environment: "prod",
        what: "The only environment, for testing and live use alike; its API address is not published yet, so pass `baseUrl`",
      },
    ],
    rateLimitNote: "None published (the API's interface is not published either).",
  },
  "ods-ord": {
    assurance: { process: "none", note: "No onboarding: open access." },
    hscn: {
      need: "no",
      note: "Reachable over the internet. Allow the host name in firewalls, not an IP address (it changes).",
    },
    approval: { needed: false, note: "Open data: anyone may call it." },
    accessModes: [{ auth: "open-access", name: "Open access", needs: OPEN_NEEDS }],
    path: [
      LOCAL,
      { environment: "uat", what: "No hosted sandbox: test in UAT, open like production" },
      {
        environment: "prod",
        what: "Open. Deprecated: NHS England plans to retire ORD by September 2026; move to the ODS FHIR API",
      },
    ],
    rules: [
      "Fair use: stay below 5 requests a second (nhskit keeps to 4, and each client also spaces its own requests)",
    ],
  },
  "ods-fhir": {
    assurance: {
      process: "digital-onboarding",
      note: "A light one: confirm your eligibility by answering questions about yourself and your organisation; NHS England then asks what it needs to enable your application.",
    },
    hscn: { need: "no", note: INTERNET_AND_HSCN },
    approval: {
      needed: false,
      note: "No use-case approval: no restriction on what it is used for. Free for public sector organisations in England, Scotland and Wales and those building software for them.",
    },
    accessModes: [{ auth: "api-key", name: "Application-restricted (API key)", needs: API_KEY_NEEDS }],
    path: [
      LOCAL,
      { ...SANDBOX, what: `${SANDBOX.what}; it serves the full ODS data set, refreshed daily` },
      int("An application with the API and its key"),
      PROD,
    ],
  },
};

/** The onboarding facts for an API, by id; undefined for an id the catalogue does not know. */
export function findOnboarding(id: string): OnboardingFacts | undefined {
  return Object.hasOwn(facts, id) ? facts[id as ApiId] : undefined;
}

/** The onboarding facts for an API entry (every catalogue entry has them). */
export function onboardingFor(api: Pick<ApiEntry, "id">): OnboardingFacts {
  const found = findOnboarding(api.id);
  if (!found) throw new Error(`No onboarding facts for "${api.id}".`);
  return found;
}

/**
 * One line of a checklist: an optional label ("Assurance"), the text, optional detail lines under it. Code, names
 * of options and commands are in backticks, so Markdown shows them as code and other renderers can too.
 */
export interface ChecklistItem {
  readonly label?: string;
  readonly text: string;
  readonly details?: readonly string[];
  /** True for steps a team ticks off. */
  readonly step?: boolean;
}

export interface ChecklistSection {
  readonly title: string;
  readonly items: readonly ChecklistItem[];
}

const ENVIRONMENT_NAMES: Readonly<Record<Environment, string>> = {
  local: "Local",
  sandbox: "Sandbox",
  dep: "Development / deployment",
  uat: "UAT",
  int: "Integration",
  prod: "Production",
};

/** The rate limit as a sentence: the published figure and what nhskit does with it, or what is known instead. */
export function rateLimitSummary(api: ApiEntry): string {
  const limit = api.rateLimit;
  if (!limit) return onboardingFor(api).rateLimitNote ?? "None published, so nhskit sets no default.";
  const per = Object.entries(limit.environments ?? {})
    .map(([env, n]) => `${n} in ${ENVIRONMENT_NAMES[env as Environment].toLowerCase()}`)
    .join(", ");
  return `${limit.note} nhskit paces each client to ${limit.perSecond} a second${per ? ` (${per})` : ""} in NHS environments, slowing down after a 429; \`rateLimit\` changes or shares it.`;
}

/**
 * The going-live checklist for an API, ready to render as text, Markdown or HTML: at a glance, access modes,
 * the path to production and the rules of use.
 */
export function onboardingChecklist(api: ApiEntry): readonly ChecklistSection[] {
  const f = onboardingFor(api);
  const sections: ChecklistSection[] = [
    {
      title: "At a glance",
      items: [
        { label: "Assurance", text: `${ASSURANCE_LABELS[f.assurance.process]}. ${f.assurance.note}` },
        { label: "HSCN", text: `${HSCN_LABELS[f.hscn.need]}. ${f.hscn.note}` },
        {
          label: "Use case or access request",
          text: `${f.approval.needed ? "Needed" : "Not needed"}. ${f.approval.note}`,
        },
        { label: "Rate limit", text: rateLimitSummary(api) },
      ],
    },
    {
      title: "Access modes",
      items: f.accessModes.map((mode) => ({ text: mode.name, details: mode.needs })),
    },
    {
      title: "Path to production",
      items: f.path.map((step) => ({
        label: `${ENVIRONMENT_NAMES[step.environment]} (\`environment: "${step.environment}"\`)`,
        text: step.what,
        step: true,
      })),
    },
  ];
  if (f.rules?.length) sections.push({ title: "Rules of use", items: f.rules.map((text) => ({ text })) });
  return sections;
}
