import { NhsValidationError } from "@nhskit/core";
import { checkMessage } from "./checks.js";
import type { Acknowledgement, EpsCallOptions, Operations, PrepareResult, ReleaseResult } from "./operations.js";
import { type PrescriptionSigner, SIGNATURE_TYPE, signatureData } from "./signature.js";
import type {
  DispenseClaim,
  DispenseNotificationBundle,
  FhirBundle,
  FhirClaim,
  FhirMessageBundle,
  FhirParameters,
  PrescriptionBundle,
  ReleaseParameters,
} from "./types.js";

/** Options for a helper that makes several calls: each call gets its own X-Request-ID. */
export type FlowCallOptions = Omit<EpsCallOptions, "requestId">;

function noRequestId(operation: string, options: object) {
  if ("requestId" in options && (options as { requestId?: unknown }).requestId !== undefined) {
    throw new NhsValidationError(operation, [
      { path: "options.requestId", message: `${operation} makes several calls, and each gets its own X-Request-ID` },
    ]);
  }
}

export interface PrescribeOptions extends FlowCallOptions {
  /** Signs `$prepare`'s digest (smartcard, signing service). nhskit never handles the private key. */
  sign: PrescriptionSigner;
}

export interface PrescribeResult {
  prepared: PrepareResult;
  /** The bundle as sent: yours plus the Provenance carrying the signature. */
  signedBundle: FhirMessageBundle;
  acknowledgement: Acknowledgement;
}

type Entry = { fullUrl?: string; resource?: { resourceType?: string; requester?: { reference?: string } } };

/** Adds the signature Provenance to an unsigned prescription-order bundle (a new object; yours is not changed). */
export function addSignature(
  operation: string,
  bundle: PrescriptionBundle | FhirMessageBundle,
  data: string,
  timestamp: string,
): FhirMessageBundle {
  const entries = (bundle.entry ?? []) as Entry[];
  const requests = entries.filter((e) => e.resource?.resourceType === "MedicationRequest");
  const requester = requests[0]?.resource?.requester?.reference;
  if (!requester) {
    throw new NhsValidationError(operation, [
      {
        path: "bundle.entry[MedicationRequest].requester.reference",
        message: "is needed: the signature is made by the prescriber's PractitionerRole it points to",
      },
    ]);
  }
  const missing = requests.findIndex((e) => !e.fullUrl);
  if (missing >= 0) {
    throw new NhsValidationError(operation, [
      {
        path: `bundle.entry[MedicationRequest ${missing}].fullUrl`,
        message: "is needed so the signature can point to it",
      },
    ]);
  }
  const id = crypto.randomUUID();
  const provenance = {
    fullUrl: `urn:uuid:${id}`,
    resource: {
      resourceType: "Provenance",
      id,
      target: requests.map((e) => ({ reference: e.fullUrl })),
      recorded: timestamp,
      agent: [{ who: { reference: requester } }],
      signature: [{ type: [SIGNATURE_TYPE], when: timestamp, who: { reference: requester }, data }],
    },
  };
  return { ...(bundle as FhirMessageBundle), entry: [...(bundle.entry as FhirMessageBundle["entry"]), provenance] };
}

export function createPrescribe(ops: Pick<Operations, "prepare" | "sendPrescriptionOrder">) {
  /**
   * The whole prescribing round: `$prepare` the unsigned bundle, have `sign` sign the digest, add the
   * Provenance, and send it with `$process-message`.
   */
  return async function prescribe(
    bundle: PrescriptionBundle | FhirMessageBundle,
    options: PrescribeOptions,
  ): Promise<PrescribeResult> {
    const operation = "prescribe";
    const { sign, ...call } = options ?? ({} as PrescribeOptions);
    if (typeof sign !== "function") {
      throw new NhsValidationError(operation, [
        { path: "options.sign", message: "is required: a function that signs the digest (nhskit never sees keys)" },
      ]);
    }
    noRequestId(operation, call);
    checkMessage(operation, bundle, "prescription-order");
    if ((bundle.entry as Entry[]).some((e) => e.resource?.resourceType === "Provenance")) {
      throw new NhsValidationError(operation, [
        { path: "bundle.entry[Provenance]", message: "is already there: prescribe signs an unsigned bundle" },
      ]);
    }
    const prepared = await ops.prepare(bundle, call);
    const request = {
      digest: prepared.digest,
      signedInfo: prepared.signedInfo ?? "",
      algorithm: prepared.algorithm,
      timestamp: prepared.timestamp,
    };
    const data = signatureData(operation, request, await sign(request));
    const signedBundle = addSignature(operation, bundle, data, prepared.timestamp);
    const acknowledgement = await ops.sendPrescriptionOrder(signedBundle, call);
    return { prepared, signedBundle, acknowledgement };
  };
}

export interface DispenseOptions extends FlowCallOptions {
  /** Builds the dispense notification for one released prescription (a prescription-order message Bundle). */
  notify: (
    prescription: FhirBundle,
  ) => DispenseNotificationBundle | FhirMessageBundle | Promise<DispenseNotificationBundle | FhirMessageBundle>;
  /** Builds the claim once the notification is accepted. Leave out to claim later (claims usually wait). */
  claim?: (prescription: FhirBundle) => DispenseClaim | FhirClaim | Promise<DispenseClaim | FhirClaim>;
}

export interface DispensedPrescription {
  prescription: FhirBundle;
  notification: Acknowledgement;
  claim: Acknowledgement | undefined;
}

export interface DispenseResult {
  release: ReleaseResult;
  dispensed: DispensedPrescription[];
}

export function createDispense(ops: Pick<Operations, "release" | "sendDispenseNotification" | "sendDispenseClaim">) {
  /**
   * The dispensing round: `Task/$release` what `parameters` ask for, then for each released prescription send
   * the dispense notification `notify` builds and, when `claim` is given, the claim. Stops at the first failure
   * (the error says which call failed); what was sent before it stays sent.
   */
  return async function dispense(
    parameters: ReleaseParameters | FhirParameters,
    options: DispenseOptions,
  ): Promise<DispenseResult> {
    const operation = "dispense";
    const { notify, claim, ...call } = options ?? ({} as DispenseOptions);
    if (typeof notify !== "function") {
      throw new NhsValidationError(operation, [
        { path: "options.notify", message: "is required: a function building the dispense notification" },
      ]);
    }
    if (claim !== undefined && typeof claim !== "function") {
      throw new NhsValidationError(operation, [{ path: "options.claim", message: "must be a function when given" }]);
    }
    noRequestId(operation, call);
    const released = await ops.release(parameters, call);
    const dispensed: DispensedPrescription[] = [];
    for (const prescription of released.prescriptions) {
      const notification = await ops.sendDispenseNotification(await notify(prescription), call);
      const claimed = claim ? await ops.sendDispenseClaim(await claim(prescription), call) : undefined;
      dispensed.push({ prescription, notification, claim: claimed });
    }
    return { release: released, dispensed };
  };
}
