import type { TokenEndpoint } from "@nhskit/auth/mocks";
import { nhsApp } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { pushDeliveryTime } from "../builders.js";
import type { CommunicationEvent, ReceiptTask } from "../callbacks.js";
import { GP_ODS_CODE } from "../schemas.js";
import { SYSTEMS } from "../types.js";
import { type Channel, parseCommunication } from "./communication.js";
import {
  EXPIRED_ACCESS_TOKEN,
  MOCK_SUPPLIER_ID,
  NHS_APP_USERS,
  PATIENT_REPORTS,
  RECEIPT_REPORTS,
  sampleReceipt,
} from "./fixtures.js";
import { correlation, invalid, outcome } from "./respond.js";

/** The local sandbox path, `/nhs-app` (also the integration and production path). */
export const NHS_APP_BASE_PATH = sandboxBasePath(nhsApp);
/** The development environment's path. */
export const NHS_APP_DEV_BASE_PATH = "/nhs-app-dep";

/** What the NHS App team grants an application, channel by channel (sandbox facts 13, 20, 25). */
export type NhsAppPermission = "app-message" | "push-notification" | "receipts-report" | "patient-report";
export const ALL_PERMISSIONS: readonly NhsAppPermission[] = [
  "app-message",
  "push-notification",
  "receipts-report",
  "patient-report",
];
const MISSING: Record<NhsAppPermission, string> = {
  "app-message": "does not have channel App Message permission",
  "push-notification": "does not have channel Push Notification permission",
  "receipts-report": "does not have Receipts report access permission",
  "patient-report": "does not have patient report access permission",
};

/** The three 429 answers (sandbox fact 14). */
export type Throttle = "quota" | "spike" | "proxy";

export interface NhsAppMockOptions {
  /**
   * The sandbox's token endpoint (@nhskit/auth/mocks): only its valid tokens are accepted, and a token that has
   * expired since gets the `expired` answer. Without it any bearer token is accepted (except
   * `EXPIRED_ACCESS_TOKEN`).
   */
  tokenEndpoint?: Pick<TokenEndpoint, "isValidAccessToken" | "accessTokenInfo">;
  /** What every application has been granted. Default: everything (an onboarded app). `[]`: not onboarded. */
  permissions?: readonly NhsAppPermission[];
  /** Per API key (needs `tokenEndpoint` to know the caller); wins over `permissions`. */
  permissionsByApp?: Readonly<Record<string, readonly NhsAppPermission[]>>;
  /** Named in 403 answers. */
  supplierId?: string;
  /** Answer 429 after this many calls per application per minute ("quota"). */
  quotaPerMinute?: number;
  /** Answer every call with this 429. */
  throttle?: Throttle;
  /** The application name in 429 answers. Default "nhskit-test-app". */
  appName?: string;
  /**
   * Keep what is sent and report it: receipts appear in the receipt report for the UK day they happen, Rejected
   * for people who are not NHS App users, and push notifications sent between 22:00 and 06:00 UK time are
   * Notified at 06:00. Off by default (the reports then hold fixed test data).
   */
  stateful?: boolean;
  /** Clock in epoch ms. Default `Date.now`. */
  now?: () => number;
}

const UK_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The one value of a query parameter, or the issue the API reports about it (sandbox facts 18, 19, 23). */
function single(query: URLSearchParams, name: string, valid: (v: string) => boolean, required: boolean) {
  const values = query.getAll(name);
  if (values.length === 0) return required ? { issue: invalid("Not specified", name) } : { value: undefined };
  if (values.length > 1) return { issue: invalid("A single value is expected", name) };
  const value = values[0] as string;
  return valid(value) ? { value } : { issue: invalid("Invalid format", name) };
}
const validPage = (v: string) => /^[1-9]\d*$/.test(v) && Number(v) <= 2147483647;

function linkHeader(base: string, params: Record<string, string>, page: number, last: number): string {
  const url = (n: number) => `<${base}?${new URLSearchParams({ ...params, page: String(n) }).toString()}>`;
  return [...(page < last ? [`${url(page + 1)}; rel="next"`] : []), `${url(last)}; rel="last"`].join(", ");
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");

/**
 * msw handlers that behave as the NHS App API's development and integration environments do (there is no hosted
 * sandbox), on any origin under `/nhs-app` and `/nhs-app-dep`.
 */
export function nhsAppHandlers(options: NhsAppMockOptions = {}): RequestHandler[] {
  const now = options.now ?? Date.now;
  const supplierId = options.supplierId ?? MOCK_SUPPLIER_ID;
  const appName = options.appName ?? "nhskit-test-app";
  const seenTokens = new Map<string, { apiKey: string; expiresAt: number }>();
  const calls = new Map<string, number[]>();
  /** Stateful mode: receipts by UK day. */
  const receipts = new Map<string, ReceiptTask[]>();

  /** Auth, permission and rate checks, in that order; a Response when the call stops here. */
  function gate(request: Request, needs: NhsAppPermission): Response | undefined {
    const token = /^Bearer ([\x21-\x7e]+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
    const expired = () => outcome(request, 401, [{ code: "expired", diagnostics: "Access Token expired" }]);
    const refused = () => outcome(request, 401, [{ code: "forbidden", diagnostics: "Invalid Access Token" }]);
    if (!token) return refused();
    if (token === EXPIRED_ACCESS_TOKEN) return expired();
    let apiKey: string | undefined;
    if (options.tokenEndpoint) {
      const info = options.tokenEndpoint.isValidAccessToken(token)
        ? options.tokenEndpoint.accessTokenInfo(token)
        : undefined;
      if (info) {
        seenTokens.set(token, { apiKey: info.apiKey, expiresAt: info.expiresAt });
        apiKey = info.apiKey;
      } else {
        const known = seenTokens.get(token);
        return known && now() >= known.expiresAt ? expired() : refused();
      }
    }
    const granted =
      (apiKey !== undefined ? options.permissionsByApp?.[apiKey] : undefined) ?? options.permissions ?? ALL_PERMISSIONS;
    if (!granted.includes(needs)) {
      return outcome(request, 403, [
        { code: "security", diagnostics: `Supplier with ID ${supplierId} ${MISSING[needs]}` },
      ]);
    }
    const throttled = (kind: Throttle) =>
      outcome(request, 429, [
        {
          code: "throttled",
          diagnostics:
            kind === "quota"
              ? `Your application, ${appName}, has exceeded its quota of ${options.quotaPerMinute ?? 100} requests every 1 minute(s) and is being rate limited.`
              : kind === "spike"
                ? `Your application, ${appName}, has created a spike in traffic and is being rate limited. Please reduce the frequency of your requests.`
                : "This API is currently receiving a high volume of requests and is being rate limited.",
        },
      ]);
    if (options.throttle) return throttled(options.throttle);
    if (options.quotaPerMinute !== undefined) {
      const key = apiKey ?? token;
      const recent = (calls.get(key) ?? []).filter((t) => now() - t < 60_000);
      recent.push(now());
      calls.set(key, recent);
      if (recent.length > options.quotaPerMinute) return throttled("quota");
    }
    return undefined;
  }

  function record(channel: Channel, body: Record<string, unknown>, nhsNumber: string, communicationId: string) {
    const sent = now();
    const identifiers = Array.isArray(body.identifier)
      ? (body.identifier as Array<{ system?: string; value?: string }>)
      : [];
    const tracking = {
      communicationId,
      campaignId: identifiers.find((i) => i.system === SYSTEMS.campaignId)?.value,
      requestReference: identifiers.find((i) => i.system === SYSTEMS.requestReference)?.value,
      sentAt: iso(sent),
    };
    const add = (event: CommunicationEvent, at: number) => {
      const day = UK_DAY.format(new Date(at));
      const list = receipts.get(day) ?? [];
      list.push(sampleReceipt(event, { ...tracking, id: crypto.randomUUID(), at: iso(at) }));
      receipts.set(day, list);
    };
    if (!NHS_APP_USERS.has(nhsNumber)) return add("Rejected", sent + 1000);
    if (channel === "in-app") add("Delivered", sent + 2000);
    // Push notifications (the in-app message's own one included) wait for 06:00 UK time at night.
    const pushAt = Math.max(pushDeliveryTime(new Date(sent)).getTime(), sent + 3000);
    add("NotificationAttempted", pushAt);
    add("Notified", pushAt + 2000);
  }

  const communication = (channel: Channel, path: string, base: string) =>
    http.post(anyOrigin(base, path), async ({ request }) => {
      const stop = gate(request, channel === "in-app" ? "app-message" : "push-notification");
      if (stop) return stop;
      const parsed = parseCommunication(await request.text(), channel);
      if (!parsed.ok) return outcome(request, 400, parsed.issues);
      const id = crypto.randomUUID();
      const given = Array.isArray(parsed.body.identifier) ? parsed.body.identifier : [];
      const answer = { ...parsed.body, identifier: [{ system: SYSTEMS.communicationId, value: id }, ...given] };
      if (options.stateful) record(channel, parsed.body, parsed.nhsNumber, id);
      const origin = new URL(request.url).origin;
      return HttpResponse.json(answer, {
        status: 201,
        headers: {
          "Content-Type": "application/fhir+json",
          Location: `${origin}${base}${path}/${id}`,
          ...correlation(request),
        },
      });
    });

  const reports = (base: string): RequestHandler[] => [
    http.get(anyOrigin(base, "/communication/report/patients"), ({ request }) => {
      const stop = gate(request, "patient-report");
      if (stop) return stop;
      const query = new URL(request.url).searchParams;
      const code = single(query, "ods-organisation-code", (v) => GP_ODS_CODE.test(v), true);
      const page = single(query, "page", validPage, false);
      const issues = [code.issue, page.issue].filter((i) => i !== undefined);
      if (issues.length) return outcome(request, 400, issues);
      const pages = PATIENT_REPORTS[(code.value as string).toUpperCase()];
      const n = Number(page.value ?? "1");
      if (!pages || n > pages.length)
        return outcome(request, 404, [{ code: "not-found", diagnostics: "Report not found" }]);
      const self = `${new URL(request.url).origin}${base}/communication/report/patients`;
      return HttpResponse.json(pages[n - 1], {
        headers: {
          Link: linkHeader(self, { "ods-organisation-code": code.value as string }, n, pages.length),
          ...correlation(request),
        },
      });
    }),

    http.get(anyOrigin(base, "/communication/report/receipts/FHIR/R4/Task"), ({ request }) => {
      const stop = gate(request, "receipts-report");
      if (stop) return stop;
      const query = new URL(request.url).searchParams;
      const day = single(query, "day", isCalendarDay, true);
      const page = single(query, "page", validPage, false);
      const issues = [day.issue, page.issue].filter((i) => i !== undefined);
      if (issues.length) return outcome(request, 400, issues);
      const kept = options.stateful ? receipts.get(day.value as string) : undefined;
      const pages = kept?.length ? [kept] : RECEIPT_REPORTS[day.value as string];
      const n = Number(page.value ?? "1");
      if (!pages || n > pages.length)
        return outcome(request, 404, [{ code: "not-found", diagnostics: "Report not found" }]);
      const self = `${new URL(request.url).origin}${base}/communication/report/receipts/FHIR/R4/Task`;
      const url = (p: number) => `${self}?${new URLSearchParams({ day: day.value as string, page: String(p) })}`;
      const entries = pages[n - 1] ?? [];
      return HttpResponse.json(
        {
          resourceType: "Bundle",
          type: "searchset",
          total: pages.reduce((sum, p) => sum + p.length, 0),
          link: [
            { relation: "self", url: url(n) },
            ...(n < pages.length ? [{ relation: "next", url: url(n + 1) }] : []),
            { relation: "last", url: url(pages.length) },
          ],
          entry: entries.map((resource) => ({ fullUrl: `${self}/${resource.id}`, resource })),
        },
        {
          headers: {
            Link: linkHeader(self, { day: day.value as string }, n, pages.length),
            ...correlation(request),
          },
        },
      );
    }),
  ];

  return [NHS_APP_BASE_PATH, NHS_APP_DEV_BASE_PATH].flatMap((base) => [
    communication("in-app", "/communication/in-app/FHIR/R4/CommunicationRequest", base),
    communication("notification", "/communication/notification/FHIR/R4/CommunicationRequest", base),
    ...reports(base),
  ]);
}
