import { isValidNhsNumber, NhsValidationError, nhsNumberProblem, type ValidationIssue } from "@nhskit/core";
import * as z from "zod/mini";
import {
  ASID_SYSTEM,
  CATEGORY_DISPLAY,
  CATEGORY_OF_TYPE,
  type CategoryCode,
  CONTENT_STABILITY_SYSTEM,
  CONTENT_STABILITY_URL,
  FORMAT_CODE_SYSTEM,
  isKnownCategory,
  isKnownPointerType,
  NHS_NUMBER_SYSTEM,
  ODS_CODE_SYSTEM,
  POINTER_TYPE_DISPLAY,
  type PointerTypeCode,
  RETRIEVAL_MECHANISM_SYSTEM,
  RETRIEVAL_MECHANISM_URL,
  SNOMED_SYSTEM,
} from "./codes.js";
import { check, nhsNumberSchema, odsCodeOfPointerId, odsCodeSchema, pointerIdSchema } from "./schemas.js";
import type { ProducerDocumentReference } from "./types.js";

const FORMATS = {
  unstructured: { code: "urn:nhs-ic:unstructured", display: "Unstructured Document" },
  "contact-details": { code: "urn:nhs-ic:record-contact", display: "Contact details (HTTP Unsecured)" },
} as const;

const RETRIEVAL = {
  SSP: "Spine Secure Proxy",
  Direct: "Direct",
  LDR: "Large Document Retrieval",
  InContext: "Direct using In-Context",
} as const;

/** What `buildPointer` needs to write a new pointer. */
export interface PointerInput {
  nhsNumber: string;
  /** SNOMED CT code, e.g. `NRL_POINTER_TYPES.MENTAL_HEALTH_CRISIS_PLAN`. */
  type: PointerTypeCode;
  /** Needed only for a type nhskit does not know. */
  typeDisplay?: string;
  /** Defaults to the category NRL expects for a known type. */
  category?: CategoryCode;
  categoryDisplay?: string;
  /** Your ODS code: the organisation holding the record. */
  custodian: string;
  /** The authoring organisation's ODS code (default: the custodian). */
  author?: string;
  /** Where the record is: `ssp://...` for Spine Secure Proxy retrieval, `https://...` for contact pages. */
  url: string;
  /** MIME type of what `url` returns, e.g. `application/pdf`. */
  contentType: string;
  /** Default `unstructured`. */
  format?: keyof typeof FORMATS;
  /** Default `static`. */
  stability?: "static" | "dynamic";
  retrieval?: keyof typeof RETRIEVAL;
  /** `context.practiceSetting`, a SNOMED CT coding (required by NRL). */
  practiceSetting: { code: string; display: string };
  /** Your system's ASID; required when `url` is an `ssp://` URL. */
  asid?: string;
  title?: string;
  /** When the record was created (ISO 8601). */
  creation?: string;
  description?: string;
}

const text = (what: string) =>
  z.string({ error: `must be a string (${what})` }).check(z.minLength(1, { error: `must not be empty (${what})` }));

const pointerInputSchema = z
  .strictObject(
    {
      nhsNumber: nhsNumberSchema,
      type: z
        .string({ error: "must be a SNOMED CT code" })
        .check(z.regex(/^\d{6,18}$/, { error: (i) => `${JSON.stringify(i.input)} must be a SNOMED CT code` })),
      typeDisplay: z.optional(text("the type's display term")),
      category: z.optional(
        z
          .string({ error: "must be a SNOMED CT code" })
          .check(z.regex(/^\d{6,18}$/, { error: (i) => `${JSON.stringify(i.input)} must be a SNOMED CT code` })),
      ),
      categoryDisplay: z.optional(text("the category's display term")),
      custodian: odsCodeSchema,
      author: z.optional(odsCodeSchema),
      url: z.string({ error: "must be a URL" }).check(
        z.regex(/^(ssp|https?):\/\/\S+$/, {
          error: (i) => `${JSON.stringify(i.input)} must be an ssp:// or https:// URL`,
        }),
      ),
      contentType: z
        .string({ error: "must be a MIME type" })
        .check(z.regex(/^[\w.+-]+\/[\w.+-]+/, { error: (i) => `${JSON.stringify(i.input)} must be a MIME type` })),
      format: z.optional(
        z.enum(["unstructured", "contact-details"], { error: "must be unstructured or contact-details" }),
      ),
      stability: z.optional(z.enum(["static", "dynamic"], { error: "must be static or dynamic" })),
      retrieval: z.optional(
        z.enum(["SSP", "Direct", "LDR", "InContext"], { error: "must be SSP, Direct, LDR or InContext" }),
      ),
      practiceSetting: z.strictObject(
        {
          code: z
            .string({ error: "must be a SNOMED CT code" })
            .check(z.regex(/^\d{6,18}$/, { error: (i) => `${JSON.stringify(i.input)} must be a SNOMED CT code` })),
          display: text("the practice setting's display term"),
        },
        { error: "must be { code, display }, a SNOMED CT practice setting" },
      ),
      asid: z.optional(
        z.string({ error: "must be 12 digits" }).check(z.regex(/^\d{12}$/, { error: "must be your 12-digit ASID" })),
      ),
      title: z.optional(text("a title")),
      creation: z.optional(text("a date-time")),
      description: z.optional(text("a description")),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unexpected ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`
          : "must be the new pointer's details",
    },
  )
  .check(
    z.refine((p) => !p.url.startsWith("ssp://") || p.asid !== undefined, {
      error: "is required when url is an ssp:// URL (NRL needs your ASID in context.related)",
      path: ["asid"],
    }),
    z.refine((p) => p.typeDisplay !== undefined || isKnownPointerType(p.type), {
      error: "is required for a pointer type nhskit does not know",
      path: ["typeDisplay"],
    }),
    z.refine((p) => p.category !== undefined || isKnownPointerType(p.type), {
      error: "is required for a pointer type nhskit does not know",
      path: ["category"],
    }),
  );

/**
 * A new pointer (a DocumentReference NRL accepts) from plain inputs: identifiers, codings and extensions are
 * filled in with the systems NRL expects. Pass the result to `createPointer` or `supersedePointers`.
 */
export function buildPointer(input: PointerInput): ProducerDocumentReference {
  const p = check("buildPointer", pointerInputSchema, input, "input");
  const category = p.category ?? (isKnownPointerType(p.type) ? CATEGORY_OF_TYPE[p.type] : p.type);
  const categoryDisplay = p.categoryDisplay ?? (isKnownCategory(category) ? CATEGORY_DISPLAY[category] : undefined);
  if (categoryDisplay === undefined) {
    throw new NhsValidationError("buildPointer", [
      { path: "input.categoryDisplay", message: "is required for a category nhskit does not know" },
    ]);
  }
  const typeDisplay = p.typeDisplay ?? (isKnownPointerType(p.type) ? POINTER_TYPE_DISPLAY[p.type] : "");
  const format = FORMATS[p.format ?? "unstructured"];
  const stability = p.stability ?? "static";
  const ods = (value: string) => ({ identifier: { system: ODS_CODE_SYSTEM, value } }) as const;
  return {
    resourceType: "DocumentReference",
    status: "current",
    type: { coding: [{ system: SNOMED_SYSTEM, code: p.type, display: typeDisplay }] },
    category: [{ coding: [{ system: SNOMED_SYSTEM, code: category, display: categoryDisplay }] }],
    subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: p.nhsNumber } },
    author: [ods(p.author ?? p.custodian)],
    custodian: ods(p.custodian),
    ...(p.description ? { description: p.description } : {}),
    content: [
      {
        attachment: {
          contentType: p.contentType,
          url: p.url,
          ...(p.title ? { title: p.title } : {}),
          ...(p.creation ? { creation: p.creation } : {}),
        },
        format: { system: FORMAT_CODE_SYSTEM, code: format.code, display: format.display },
        extension: [
          {
            url: CONTENT_STABILITY_URL,
            valueCodeableConcept: {
              coding: [
                {
                  system: CONTENT_STABILITY_SYSTEM,
                  code: stability,
                  display: stability === "static" ? "Static" : "Dynamic",
                },
              ],
            },
          },
          ...(p.retrieval
            ? [
                {
                  url: RETRIEVAL_MECHANISM_URL,
                  valueCodeableConcept: {
                    coding: [
                      { system: RETRIEVAL_MECHANISM_SYSTEM, code: p.retrieval, display: RETRIEVAL[p.retrieval] },
                    ],
                  },
                },
              ]
            : []),
        ],
      },
    ],
    context: {
      practiceSetting: {
        coding: [{ system: SNOMED_SYSTEM, code: p.practiceSetting.code, display: p.practiceSetting.display }],
      },
      ...(p.asid ? { related: [{ identifier: { system: ASID_SYSTEM, value: p.asid } }] } : {}),
    },
  } as ProducerDocumentReference;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What the producer client checks in a pointer before sending it: the parts NRL would refuse for reasons the
 * caller can see locally (patient NHS number, custodian = your ODS code, codes, supersede targets).
 */
export function pointerProblems(pointer: unknown, ods: string, where = "pointer"): ValidationIssue[] {
  if (!isRecord(pointer)) return [{ path: where, message: "must be a DocumentReference (see buildPointer)" }];
  const issues: ValidationIssue[] = [];
  const at = (path: string, message: string) => issues.push({ path: `${where}.${path}`, message });
  const get = (obj: unknown, ...keys: Array<string | number>): unknown =>
    keys.reduce<unknown>(
      (o, k) => (isRecord(o) || Array.isArray(o) ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );

  if (pointer.resourceType !== "DocumentReference") at("resourceType", 'must be "DocumentReference"');
  const nhs = get(pointer, "subject", "identifier", "value");
  if (get(pointer, "subject", "identifier", "system") !== NHS_NUMBER_SYSTEM)
    at("subject.identifier.system", `must be ${NHS_NUMBER_SYSTEM}`);
  if (!isValidNhsNumber(nhs)) at("subject.identifier.value", nhsNumberProblem(nhs) ?? "is not a valid NHS number");
  const custodian = get(pointer, "custodian", "identifier", "value");
  if (custodian !== ods) {
    at(
      "custodian.identifier.value",
      `${JSON.stringify(custodian)} must be your own ODS code ${JSON.stringify(ods)} (the NHSD-End-User-Organisation-ODS header); NRL refuses any other custodian`,
    );
  }
  const type = get(pointer, "type", "coding", 0, "code");
  if (typeof type !== "string" || !/^\d{6,18}$/.test(type)) at("type.coding[0].code", "must be a SNOMED CT code");
  if (!Array.isArray(pointer.category) || pointer.category.length === 0) at("category", "must hold one category");
  if (!Array.isArray(pointer.content) || pointer.content.length === 0)
    at("content", "must hold at least one attachment");
  const relatesTo = pointer.relatesTo;
  if (relatesTo !== undefined) {
    if (!Array.isArray(relatesTo)) at("relatesTo", "must be a list");
    else
      relatesTo.forEach((r, i) => {
        const target = get(r, "target", "identifier", "value");
        const parsed = pointerIdSchema.safeParse(target);
        if (!parsed.success) at(`relatesTo[${i}].target.identifier.value`, "must be the id of the pointer it replaces");
        else if (odsCodeOfPointerId(parsed.data) !== ods)
          at(
            `relatesTo[${i}].target.identifier.value`,
            `${JSON.stringify(target)} is not one of your pointers (it must start with "${ods}-")`,
          );
      });
  }
  return issues;
}
