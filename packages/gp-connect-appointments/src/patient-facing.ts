import { gpConnectAppointments } from "@nhskit/catalogue";
import { type ApiClient, type ApiClientOptions, createApiClient, NhsValidationError } from "@nhskit/core";
import type { paths } from "./generated/openapi.js";
import { loadSchemas } from "./lazy-schemas.js";
import {
  type AppointmentIncludeRecurse,
  type AppointmentWindow,
  checkNhsNumber,
  type FreeSlotSearch,
  slotQuery,
  windowQuery,
} from "./rules.js";
import {
  type AppointmentsResult,
  appointmentProblems,
  appointmentsResult,
  callInit,
  cancelled,
  checkRequestId,
  type FreeSlotsResult,
  freeSlotsResult,
  type GpConnectCallOptions,
} from "./shared.js";
import type { Appointment, AppointmentBundle, AppointmentStatus, SlotBundle } from "./types.js";
import { GP_CONNECT_APPOINTMENTS_VERSION } from "./version.js";

const FHIR_JSON = { "Content-Type": "application/fhir+json", Accept: "application/fhir+json" };

export type GpConnectPatientFacingClientOptions = Omit<ApiClientOptions, "api" | "document" | "clientName">;

/** Options for a patient's appointment list. */
export interface PatientAppointmentSearch extends AppointmentWindow {
  /** Also return the Practitioners and/or Locations the appointments refer to. */
  includeRecurse?: readonly AppointmentIncludeRecurse[];
  /** At most this many past appointments, counting back from `to` (`past-appt-limit`). */
  pastAppointmentLimit?: number;
  /** Only appointments with this status. */
  status?: AppointmentStatus | "checked-in" | "waitlist";
}

export interface GpConnectPatientFacingClient {
  /** Every operation of the patient-facing document, typed, for anything the helpers do not cover. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** `GET /Slot`: free slots at the patient's practice, at most 14 days at a time. */
  searchFreeSlots(search: FreeSlotSearch, options?: GpConnectCallOptions): Promise<FreeSlotsResult>;
  /** `POST /Appointment`: book one or more adjacent free slots. */
  bookAppointment(
    appointment: Appointment,
    options?: GpConnectCallOptions,
  ): Promise<{ appointment: Appointment; requestId: string }>;
  /** `GET /Patient/{id}/Appointment`: the patient's appointments starting within a window. */
  getPatientAppointments(
    nhsNumber: string,
    search: PatientAppointmentSearch,
    options?: GpConnectCallOptions,
  ): Promise<AppointmentsResult>;
  /** `GET /Appointment/{id}`: one appointment. */
  getAppointment(
    id: string,
    options?: GpConnectCallOptions & { includeRecurse?: readonly AppointmentIncludeRecurse[] },
  ): Promise<{ appointment: Appointment; requestId: string }>;
  /** `PUT /Appointment/{id}` with status `cancelled` and the reason: the only change patients may make. */
  cancelAppointment(
    appointment: Appointment,
    reason: string,
    options?: GpConnectCallOptions,
  ): Promise<{ appointment: Appointment; requestId: string }>;
}

/**
 * A client for GP Connect (Patient Facing) Appointment Management: a patient, signed in with NHS login (P9),
 * managing their own GP appointments. Inputs are checked before anything is sent; failures are `@nhskit/core`
 * errors.
 */
export function createGpConnectPatientFacingClient(
  options: GpConnectPatientFacingClientOptions,
): GpConnectPatientFacingClient {
  /** Call options for `operation`, after checking the request id is a UUID (the API requires one). */
  const init = (callOptions: GpConnectCallOptions | undefined, operation: string) => {
    checkRequestId(operation, callOptions, "X-Request-ID");
    return callInit(callOptions, operation);
  };

  const raw = createApiClient<paths>({
    ...options,
    api: gpConnectAppointments,
    document: "patient-facing",
    clientName: `nhskit-gp-connect-appointments/${GP_CONNECT_APPOINTMENTS_VERSION}`,
  });

  async function searchFreeSlots(search: FreeSlotSearch, callOptions?: GpConnectCallOptions) {
    const { check, slotSearchSchema } = await loadSchemas();
    const checked = check("searchFreeSlots", slotSearchSchema, search, "search");
    // The upstream document lists two sample searchFilter values as an enum; any ODS code or type is valid.
    const query = slotQuery(checked) as Omit<ReturnType<typeof slotQuery>, "searchFilter"> & { searchFilter?: never };
    const { data, requestId } = await raw.GET("/Slot", {
      params: { query },
      headers: { Accept: FHIR_JSON.Accept },
      ...init(callOptions, "searchFreeSlots"),
    });
    return freeSlotsResult(data as unknown as SlotBundle, requestId);
  }

  async function bookAppointment(appointment: Appointment, callOptions?: GpConnectCallOptions) {
    const problems = appointmentProblems(appointment, "appointment", {});
    if (problems.length) throw new NhsValidationError("bookAppointment", problems);
    const { data, requestId } = await raw.POST("/Appointment", {
      body: appointment as never,
      headers: FHIR_JSON,
      ...init(callOptions, "bookAppointment"),
    });
    return { appointment: data as unknown as Appointment, requestId };
  }

  async function getPatientAppointments(
    nhsNumber: string,
    search: PatientAppointmentSearch,
    callOptions?: GpConnectCallOptions,
  ) {
    const id = checkNhsNumber("getPatientAppointments", nhsNumber);
    const { check, patientAppointmentSearchSchema } = await loadSchemas();
    const checked = check("getPatientAppointments", patientAppointmentSearchSchema, search, "search");
    const { data, requestId } = await raw.GET("/Patient/{id}/Appointment", {
      params: {
        path: { id },
        query: {
          start: windowQuery(checked),
          ...(checked.includeRecurse?.length ? { "_include:recurse": [...checked.includeRecurse] } : {}),
          ...(checked.pastAppointmentLimit ? { "past-appt-limit": String(checked.pastAppointmentLimit) } : {}),
          ...(checked.status ? { status: checked.status } : {}),
        },
      },
      headers: { Accept: FHIR_JSON.Accept },
      ...init(callOptions, "getPatientAppointments"),
    });
    return appointmentsResult(data as unknown as AppointmentBundle, requestId);
  }

  async function getAppointment(
    id: string,
    callOptions?: GpConnectCallOptions & { includeRecurse?: readonly AppointmentIncludeRecurse[] },
  ) {
    const { check, idSchema, patientAppointmentSearchSchema } = await loadSchemas();
    const checkedId = check("getAppointment", idSchema, id, "id");
    const include = callOptions?.includeRecurse;
    if (include !== undefined) {
      check("getAppointment", patientAppointmentSearchSchema.shape.includeRecurse, include, "options.includeRecurse");
    }
    const { data, requestId } = await raw.GET("/Appointment/{id}", {
      params: { path: { id: checkedId }, ...(include?.length ? { query: { "_include:recurse": [...include] } } : {}) },
      headers: { Accept: FHIR_JSON.Accept },
      ...init(callOptions, "getAppointment"),
    });
    return { appointment: data as unknown as Appointment, requestId };
  }

  async function cancelAppointment(appointment: Appointment, reason: string, callOptions?: GpConnectCallOptions) {
    const problems = appointmentProblems(appointment, "appointment", { id: true });
    if (typeof reason !== "string" || reason.trim() === "") {
      problems.push({ path: "reason", message: "must say why the appointment is cancelled (GP Connect requires it)" });
    }
    if (problems.length) throw new NhsValidationError("cancelAppointment", problems);
    const { data, requestId } = await raw.PUT("/Appointment/{id}", {
      params: { path: { id: appointment.id as string } },
      body: cancelled(appointment, reason) as never,
      headers: FHIR_JSON,
      ...init(callOptions, "cancelAppointment"),
    });
    return { appointment: data as unknown as Appointment, requestId };
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    searchFreeSlots,
    bookAppointment,
    getPatientAppointments,
    getAppointment,
    cancelAppointment,
  };
}
