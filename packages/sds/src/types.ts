import type { components } from "./generated/openapi.js";
import { SDS_EXTENSIONS, SDS_SYSTEMS } from "./identifiers.js";

type Schemas = components["schemas"];

/** An accredited system (AS) record as SDS answers it. */
export type Device = Schemas["Device"];

/**
 * One extension on an Endpoint. The upstream schema only declares string values; the service also sends
 * `valueInteger` (nhsMHSRetries) and a `valueReference` (the service interaction id), typed here.
 */
export interface EndpointExtension {
  url?: string;
  valueReference?: { identifier?: { system?: string; value?: string } };
  extension?: Array<{ url?: string; valueString?: string; valueInteger?: number }>;
}

/** An MHS routing and reliability record as SDS answers it. */
export type Endpoint = Omit<Schemas["Endpoint"], "extension"> & { extension?: EndpointExtension[] };

export type DeviceBundle = Schemas["DeviceBundle"];
export type EndpointBundle = Omit<Schemas["EndpointBundle"], "entry"> & {
  entry?: Array<Omit<NonNullable<Schemas["EndpointBundle"]["entry"]>[number], "resource"> & { resource?: Endpoint }>;
};

/** The FHIR OperationOutcome every SDS error carries (the `id` is the correlation id). */
export interface OperationOutcome {
  resourceType: "OperationOutcome";
  id?: string;
  issue: Array<{
    severity: string;
    code: string;
    details?: { coding?: Array<{ system?: string; code?: string; display?: string }> };
    diagnostics?: string;
  }>;
}

/** The fields of a Device most callers want, read out of its identifiers and extensions. */
export interface DeviceSummary {
  id: string | undefined;
  /** Accredited system id. */
  asid: string | undefined;
  partyKey: string | undefined;
  /** ODS code of the organisation the system is deployed in (`owner`). */
  clientOdsCode: string | undefined;
  manufacturerOdsCode: string | undefined;
  /** Every service interaction the system is accredited for. */
  interactionIds: string[];
}

/** Reliability settings of an MHS record; absent values were not set in SDS. */
export interface ReliabilityConfiguration {
  syncReplyMode?: string;
  retryInterval?: string;
  retries?: number;
  persistDuration?: string;
  duplicateElimination?: string;
  ackRequested?: string;
}

/** The fields of an Endpoint most callers want. */
export interface EndpointSummary {
  id: string | undefined;
  /** Where to send messages for this interaction. */
  address: string | undefined;
  odsCode: string | undefined;
  partyKey: string | undefined;
  mhsId: string | undefined;
  cpaId: string | undefined;
  fqdn: string | undefined;
  interactionIds: string[];
  reliability: ReliabilityConfiguration;
}

const identifierValue = (ids: ReadonlyArray<{ system?: string; value?: string }> | undefined, system: string) =>
  ids?.find((i) => i.system === system)?.value;

/** Reads an SDS Device into plain fields. */
export function describeDevice(device: Device): DeviceSummary {
  const extensions = device.extension ?? [];
  return {
    id: device.id,
    asid: identifierValue(device.identifier, SDS_SYSTEMS.spineAsid),
    partyKey: identifierValue(device.identifier, SDS_SYSTEMS.mhsPartyKey),
    clientOdsCode: device.owner?.identifier?.value,
    manufacturerOdsCode: extensions.find((e) => e.url === SDS_EXTENSIONS.manufacturingOrganisation)?.valueReference
      ?.identifier?.value,
    interactionIds: extensions
      .filter((e) => e.url === SDS_EXTENSIONS.serviceInteractionId)
      .flatMap((e) => (e.valueReference?.identifier?.value ? [e.valueReference.identifier.value] : [])),
  };
}

/** Reads an SDS Endpoint into plain fields. */
export function describeEndpoint(endpoint: Endpoint): EndpointSummary {
  const extensions = endpoint.extension ?? [];
  const reliability: ReliabilityConfiguration = {};
  for (const item of extensions.find((e) => e.url === SDS_EXTENSIONS.reliabilityConfiguration)?.extension ?? []) {
    switch (item.url) {
      case "nhsMHSSyncReplyMode":
        reliability.syncReplyMode = item.valueString;
        break;
      case "nhsMHSRetryInterval":
        reliability.retryInterval = item.valueString;
        break;
      case "nhsMHSRetries":
        reliability.retries = item.valueInteger;
        break;
      case "nhsMHSPersistDuration":
        reliability.persistDuration = item.valueString;
        break;
      case "nhsMHSDuplicateElimination":
        reliability.duplicateElimination = item.valueString;
        break;
      case "nhsMHSAckRequested":
        reliability.ackRequested = item.valueString;
        break;
    }
  }
  return {
    id: endpoint.id,
    address: endpoint.address,
    odsCode: endpoint.managingOrganization?.identifier?.value,
    partyKey: identifierValue(endpoint.identifier, SDS_SYSTEMS.mhsPartyKey),
    mhsId: identifierValue(endpoint.identifier, SDS_SYSTEMS.mhsId),
    cpaId: identifierValue(endpoint.identifier, SDS_SYSTEMS.mhsCpaId),
    fqdn: identifierValue(endpoint.identifier, SDS_SYSTEMS.mhsFqdn),
    interactionIds: extensions
      .filter((e) => e.url === SDS_EXTENSIONS.serviceInteractionId)
      .flatMap((e) => (e.valueReference?.identifier?.value ? [e.valueReference.identifier.value] : [])),
    reliability,
  };
}
