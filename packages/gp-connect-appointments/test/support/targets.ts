import { createMockServer } from "@nhskit/mock-kit/server";
import type { RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { gpConnectAppointmentsHandlers } from "../../src/mocks/index.js";

export const PATIENT_FACING_PATH = "/gp-connect/patient-facing/appointments-management-fhir/FHIR/STU3";
export const PROVIDER_PATH = "/gp-connect/provider/FHIR/STU3";
/** The GP Connect demonstrator's FHIR base path (the Swagger document's basePath). */
export const DEMONSTRATOR_PATH = "/B82617/STU3/1/gpconnect/fhir";

/** Where a facts suite sends its calls, and how it counts what arrived. */
export interface Target {
  readonly kind: "http" | "in-process";
  readonly origin: string;
  readonly patientFacingUrl: string;
  readonly providerUrl: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  close(): Promise<void>;
}

function handlers(options: { stateful?: boolean }): RequestHandler[] {
  return [
    ...gpConnectAppointmentsHandlers(options),
    // The same provider model under the demonstrator's path, reached through an SSP-style URL.
    ...gpConnectAppointmentsHandlers({ ...options, document: "provider", basePath: DEMONSTRATOR_PATH }),
  ];
}

/** The mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(options: { stateful?: boolean } = {}): Promise<Target> {
  let count = 0;
  const server = await createMockServer({ handlers: handlers(options), log: () => count++ });
  return {
    kind: "http",
    origin: server.url,
    patientFacingUrl: `${server.url}${PATIENT_FACING_PATH}`,
    providerUrl: `${server.url}${PROVIDER_PATH}`,
    received: () => count,
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(options: { stateful?: boolean } = {}): Promise<Target> {
  let count = 0;
  const server = setupServer(...handlers(options));
  server.events.on("request:start", () => count++);
  server.listen({ onUnhandledRequest: "error" });
  return {
    kind: "in-process",
    origin: "https://sandbox.api.service.nhs.uk",
    patientFacingUrl: `https://sandbox.api.service.nhs.uk${PATIENT_FACING_PATH}`,
    providerUrl: `https://provider.example.nhs.uk${PROVIDER_PATH}`,
    received: () => count,
    close: async () => server.close(),
  };
}
