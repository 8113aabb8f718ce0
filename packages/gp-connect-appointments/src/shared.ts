import { type CallOptions, NhsValidationError } from "@nhskit/core";
import { CANCELLATION_REASON_URL } from "./rules.js";
import type { Appointment, Bundle, Location, Organization, Practitioner, Resource, Schedule, Slot } from "./types.js";

/** Per-call options for every helper. */
export interface GpConnectCallOptions {
  signal?: AbortSignal;
  /**
   * The call's id: `X-Request-ID` on the patient-facing API, `Ssp-TraceID` (and `X-Request-ID`) on the provider
   * API. A UUID; minted when absent.
   */
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Throws unless the caller's request id (when given) is a UUID, as both APIs require. */
export function checkRequestId(operation: string, options: GpConnectCallOptions | undefined, header: string) {
  const id = options?.requestId;
  if (id !== undefined && (typeof id !== "string" || !UUID.test(id))) {
    throw new NhsValidationError(operation, [
      { path: "options.requestId", message: `must be a UUID (it is sent as ${header})` },
    ]);
  }
}

export function callInit(options: GpConnectCallOptions | undefined, operation: string, requestId?: string) {
  const nhs: CallOptions = { operation };
  const id = requestId ?? options?.requestId;
  if (id) nhs.requestId = id;
  if (options?.correlationId) nhs.correlationId = options.correlationId;
  if (options?.timeoutMs) nhs.timeoutMs = options.timeoutMs;
  return { ...(options?.signal ? { signal: options.signal } : {}), nhs };
}

/** The resources of a Bundle, by type. */
export function resourcesOf<R extends Resource>(bundle: Bundle<R> | undefined, type: R["resourceType"]) {
  return (bundle?.entry ?? []).flatMap((e) =>
    e.resource && e.resource.resourceType === type ? [e.resource as Extract<R, { resourceType: typeof type }>] : [],
  );
}

/** A free-slot search, split by resource type. */
export interface FreeSlotsResult {
  slots: Slot[];
  schedules: Schedule[];
  practitioners: Practitioner[];
  locations: Location[];
  organizations: Organization[];
  bundle: Bundle<Slot | Schedule | Practitioner | Location | Organization>;
  requestId: string;
}

export function freeSlotsResult(bundle: FreeSlotsResult["bundle"], requestId: string): FreeSlotsResult {
  return {
    slots: resourcesOf(bundle, "Slot") as Slot[],
    schedules: resourcesOf(bundle, "Schedule") as Schedule[],
    practitioners: resourcesOf(bundle, "Practitioner") as Practitioner[],
    locations: resourcesOf(bundle, "Location") as Location[],
    organizations: resourcesOf(bundle, "Organization") as Organization[],
    bundle,
    requestId,
  };
}

/** A patient's appointments, split from anything included with them. */
export interface AppointmentsResult {
  appointments: Appointment[];
  practitioners: Practitioner[];
  locations: Location[];
  bundle: Bundle<Appointment | Practitioner | Location | Organization>;
  requestId: string;
}

export function appointmentsResult(bundle: AppointmentsResult["bundle"], requestId: string): AppointmentsResult {
  return {
    appointments: resourcesOf(bundle, "Appointment") as Appointment[],
    practitioners: resourcesOf(bundle, "Practitioner") as Practitioner[],
    locations: resourcesOf(bundle, "Location") as Location[],
    bundle,
    requestId,
  };
}

/** The appointment marked cancelled, with the cancellation reason extension set (replacing any earlier one). */
export function cancelled(appointment: Appointment, reason: string): Appointment {
  return {
    ...appointment,
    status: "cancelled",
    extension: [
      ...(appointment.extension ?? []).filter((e) => e.url !== CANCELLATION_REASON_URL),
      { url: CANCELLATION_REASON_URL, valueString: reason },
    ],
  };
}

/** Light structural checks on an Appointment body: what every GP Connect booking needs. */
export function appointmentProblems(
  value: unknown,
  where: string,
  needs: { id?: boolean },
): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const a = value as Partial<Appointment> | null;
  if (!a || typeof a !== "object" || Array.isArray(a)) {
    return [{ path: where, message: "must be an Appointment resource" }];
  }
  if (a.resourceType !== "Appointment") {
    problems.push({ path: `${where}.resourceType`, message: 'must be "Appointment"' });
  }
  if (needs.id && (typeof a.id !== "string" || !/^[A-Za-z0-9\-.]{1,64}$/.test(a.id))) {
    problems.push({ path: `${where}.id`, message: "must be the appointment's id (from when it was booked or read)" });
  }
  if (!Array.isArray(a.slot) || a.slot.length === 0 || a.slot.some((s) => !/^Slot\/\S+$/.test(s?.reference ?? ""))) {
    problems.push({
      path: `${where}.slot`,
      message: 'must reference at least one slot, e.g. [{ reference: "Slot/1" }]',
    });
  }
  if (!Array.isArray(a.participant) || !a.participant.some((p) => /^Patient\/\S+$/.test(p?.actor?.reference ?? ""))) {
    problems.push({
      path: `${where}.participant`,
      message: 'must include the patient, e.g. { actor: { reference: "Patient/2" } }',
    });
  }
  if (typeof a.start !== "string" || typeof a.end !== "string") {
    problems.push({ path: `${where}.start`, message: "start and end must be the booked slots' times" });
  }
  return problems;
}
