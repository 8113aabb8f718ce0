import { assertNhsNumber } from "@nhskit/core";
import {
  check,
  type InAppMessageInput,
  inAppMessageSchema,
  type PushNotificationInput,
  pushNotificationSchema,
} from "./schemas.js";
import { type InAppMessageRequest, type PushNotificationRequest, SYSTEMS } from "./types.js";

type Identifier = { system: string; value: string };

function trackingIdentifiers(input: {
  campaignId?: string | undefined;
  requestReference?: string | undefined;
  onBehalfOf?: string | undefined;
}): Identifier[] {
  const out: Identifier[] = [];
  if (input.campaignId) out.push({ system: SYSTEMS.campaignId, value: input.campaignId });
  if (input.requestReference) out.push({ system: SYSTEMS.requestReference, value: input.requestReference });
  if (input.onBehalfOf) out.push({ system: SYSTEMS.onBehalfOf, value: input.onBehalfOf });
  return out;
}

const recipient = (nhsNumber: string) => [
  { type: "Patient", identifier: { system: SYSTEMS.nhsNumber, value: nhsNumber } },
];

/**
 * Builds the CommunicationRequest for an in-app message: one recipient by NHS number, your ODS code as the
 * requester, the Markdown body and, for replies, the contained Questionnaire with its `answers` extension.
 * Every rule the API states is checked here (throws NhsValidationError); nothing is sent.
 */
export function inAppMessage(input: InAppMessageInput): InAppMessageRequest {
  assertNhsNumber("inAppMessage", (input as { nhsNumber?: unknown } | undefined)?.nhsNumber, "message.nhsNumber");
  const m = check("inAppMessage", inAppMessageSchema, input, "message");
  const identifier = trackingIdentifiers(m);
  const request: InAppMessageRequest = {
    resourceType: "CommunicationRequest",
    ...(identifier.length ? { identifier } : {}),
    status: "active",
    payload: [{ contentString: m.body }],
    recipient: recipient(m.nhsNumber),
    requester: { type: "Organization", identifier: { system: SYSTEMS.odsCode, value: m.odsCode } },
  };
  if (m.reply) {
    const id = m.reply.id ?? "reply";
    const item =
      m.reply.type === "keyword"
        ? { linkId: "1", type: "choice", answerOption: m.reply.options.map((code) => ({ valueCoding: { code } })) }
        : { linkId: "1", type: "text" };
    request.contained = [{ resourceType: "Questionnaire", id, status: "active", item: [item] }];
    request.extension = [{ url: SYSTEMS.answers, valueReference: { reference: `#${id}` } }];
  }
  return request;
}

/** Builds the CommunicationRequest for a push notification (checked like `inAppMessage`). */
export function pushNotification(input: PushNotificationInput): PushNotificationRequest {
  assertNhsNumber(
    "pushNotification",
    (input as { nhsNumber?: unknown } | undefined)?.nhsNumber,
    "notification.nhsNumber",
  );
  const n = check("pushNotification", pushNotificationSchema, input, "notification");
  const identifier = trackingIdentifiers(n);
  return {
    resourceType: "CommunicationRequest",
    ...(identifier.length ? { identifier } : {}),
    status: "active",
    // `reference` is marked required in the schema but described as optional (the App then opens its home page).
    payload: [{ contentReference: { ...(n.url ? { reference: n.url } : {}), display: n.text } as never }],
    recipient: recipient(n.nhsNumber),
  };
}

const SUBSET_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^#\s/, "a level-1 heading (# ): only ## and ### headings are in the subset"],
  [/^#{4,}\s/, "a heading below level 3: only ## and ### headings are in the subset"],
  [/^\s*(```|~~~)/, "a code block: not in the subset"],
  [/^\s*>/, "a block quote: not in the subset"],
  [/^\s*\|.*\|\s*$/, "a table row: tables are not in the subset"],
  [/~~[^~]+~~/, "strikethrough: not in the subset"],
  [/(^|[^*\w])\*(?!\s|\*)[^*\n]+(?<!\s)\*(?!\*)/, "italics (*text*): only **bold** emphasis is in the subset"],
  [/(^|\W)_(?!\s)[^_\n]+(?<!\s)_(?!\w)/, "italics (_text_): only **bold** emphasis is in the subset"],
  [/^\s*[-+]\s/, "a list item marked with - or +: the subset's bulleted lists use *"],
  [/\]\(http:\/\//, "a plain http link: use https"],
];

/**
 * Soft checks of an in-app message body against the Markdown subset the NHS App documents: bold (`**`),
 * headings `##` and `###`, `*` bulleted and `1.` numbered lists, links (`[text](url)`, optionally with a title),
 * images (`![alt](url)`) and line breaks (two trailing spaces). Anything else may show as plain characters.
 * Returns one message per suspicious line; an empty list means nothing looked out of the subset.
 */
export function markdownWarnings(body: string): string[] {
  const warnings: string[] = [];
  body.split(/\r?\n/).forEach((line, index) => {
    for (const [pattern, what] of SUBSET_RULES) {
      if (pattern.test(line)) warnings.push(`line ${index + 1}: ${what}`);
    }
  });
  return warnings;
}

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});

function londonParts(at: Date) {
  const parts = Object.fromEntries(LONDON.formatToParts(at).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour) };
}

/** True between 22:00 and 06:00 UK time, when the NHS App holds push notifications back. */
export function isPushQuietHours(at: Date = new Date()): boolean {
  const { h } = londonParts(at);
  return h >= 22 || h < 6;
}

/**
 * When a push notification sent at `at` reaches the user's device: at once, or at 06:00 UK time when sent during
 * the quiet hours (22:00 to 06:00). The in-app message itself is always delivered at once.
 */
export function pushDeliveryTime(at: Date = new Date()): Date {
  if (!isPushQuietHours(at)) return at;
  const { y, m, d, h } = londonParts(at);
  const day = h >= 22 ? d + 1 : d;
  // 06:00 in London is 06:00 or 05:00 UTC; take whichever London calls 06.
  for (const utcHour of [6, 5]) {
    const candidate = new Date(Date.UTC(y, m - 1, day, utcHour));
    if (londonParts(candidate).h === 6) return candidate;
  }
  return new Date(Date.UTC(y, m - 1, day, 6));
}
