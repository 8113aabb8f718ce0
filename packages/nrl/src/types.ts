import type { components as consumer } from "./generated/openapi.js";
import type { components as producer } from "./generated/producer.js";

/** A document pointer as the consumer API returns it. */
export type DocumentReference = consumer["schemas"]["DocumentReference"];
/** A document pointer as the producer API accepts and returns it (no `urn:nhs-ic:structured` format). */
export type ProducerDocumentReference = producer["schemas"]["DocumentReference"];
/** A searchset Bundle of pointers (consumer). */
export type PointerBundle = consumer["schemas"]["Bundle"];
/** A searchset Bundle of pointers (producer). */
export type ProducerPointerBundle = producer["schemas"]["Bundle"];
export type OperationOutcome = consumer["schemas"]["OperationOutcome"];
export type OperationOutcomeIssue = consumer["schemas"]["OperationOutcomeIssue"];
export type RelatesTo = producer["schemas"]["DocumentReferenceRelatesTo"];

/**
 * What PUT and DELETE answer. The producer specification gives these 200 responses no schema (so the
 * generated type is `unknown`); NRL sends an OperationOutcome with one informational issue
 * (`RESOURCE_UPDATED` / `RESOURCE_DELETED`).
 */
export type NrlWriteOutcome = OperationOutcome;
