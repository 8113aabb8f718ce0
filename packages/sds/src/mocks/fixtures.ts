// The SDS sandbox answers from two small fixed data sets (accredited systems and MHS records) that it
// filters like a real directory search. The ids, codes, keys and addresses below are those facts, carried
// over so code written against the hosted sandbox works here; the layout and everything else is ours.

/** An accredited system (AS) record. */
export interface AsRecord {
  /** Organisation the record is filed under (what `organization` matches). */
  odsCode: string;
  asid: string;
  partyKey: string;
  clientOdsCode: string;
  manufacturerOdsCode: string;
  interactionIds: readonly string[];
}

export interface Reliability {
  syncReplyMode?: string;
  retryInterval?: string;
  retries?: number;
  persistDuration?: string;
  duplicateElimination?: string;
  ackRequested?: string;
}

/** A message handling server (MHS) record. */
export interface MhsRecord {
  odsCode: string;
  partyKey: string;
  /** The record's unique identifier (the MHS id). */
  mhsId: string;
  /**
   * Most records hold one interaction as a string, which the sandbox matches as a substring; the GP Connect
   * record holds a list, matched exactly.
   */
  interactions: string | readonly string[];
  address: string;
  fqdn?: string;
  cpaId?: string;
  reliability?: Reliability;
}

const REPC = "urn:nhs:names:services:psis:REPC_IN150016UK05";
const INTERMEDIARY = "https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/intermediary";

/**
 * The hosted mock's `YES` system lists several hundred interactions; we keep a representative handful,
 * including every one the sandbox facts name.
 */
const yesInteractions = [
  "urn:nhs:names:services:psis:REPC_IN150015UK05",
  REPC,
  "urn:nhs:names:services:psis:REPC_IN150017UK02",
  "urn:nhs:names:services:psis:REPC_IN150018UK02",
  "urn:nhs:names:services:psisquery:QUPC_IN160101UK05",
  "urn:nhs:names:services:psisquery:QUPC_IN160102UK05",
  "urn:nhs:names:services:pds:PRPA_IN000203UK03",
  "urn:nhs:names:services:mm:PORX_IN020101SM31",
  "urn:nhs:names:services:nrl:DocumentReference.read",
  "urn:nhs:names:services:nrl:DocumentReference.search",
  "urn:nhs:names:services:tms:ReliableIntermediary",
  "urn:nhs:names:services:tms:ExpressIntermediary",
];

export const asRecords: readonly AsRecord[] = [
  {
    odsCode: "YES",
    asid: "928942012545",
    partyKey: "YES-0000806",
    clientOdsCode: "YES",
    manufacturerOdsCode: "X09001",
    interactionIds: yesInteractions,
  },
  {
    odsCode: "X26",
    asid: "918999199246",
    partyKey: "X26-822084",
    clientOdsCode: "X26",
    manufacturerOdsCode: "X26",
    interactionIds: ["urn:nhs:names:services:gp2gp:COPC_IN000001UK01"],
  },
];

const x26Reliable: Reliability = {
  syncReplyMode: "None",
  retryInterval: "PT2H",
  retries: 2,
  persistDuration: "PT7H",
  duplicateElimination: "always",
  ackRequested: "always",
};

export const mhsRecords: readonly MhsRecord[] = [
  {
    odsCode: "YES",
    partyKey: "YES-0000806",
    mhsId: "S20001A000182",
    interactions: REPC,
    address: "https://msg.opentest.hscic.gov.uk/reliablemessaging/reliablerequest",
    fqdn: "msg.opentest.hscic.gov.uk",
    cpaId: "S20001A000182",
    reliability: {
      syncReplyMode: "MSHSignalsOnly",
      retryInterval: "PT1M",
      retries: 2,
      persistDuration: "PT5M",
      duplicateElimination: "always",
      ackRequested: "always",
    },
  },
  {
    odsCode: "B82617",
    partyKey: "B82617-0000806",
    mhsId: "227319907549",
    interactions: [
      "urn:nhs:names:services:gpconnect:documents:fhir:rest:read:binary-1",
      "urn:nhs:names:services:gpconnect:documents:fhir:rest:search:patient-1",
      "urn:nhs:names:services:gpconnect:documents:fhir:rest:search:documentreference-1",
      "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1",
    ],
    address: "https://orange.testlab.nhs.uk/B82617/STU3/1/gpconnect/",
  },
  {
    odsCode: "YES",
    partyKey: "YES-0000806",
    mhsId: "S20003A000304",
    interactions: "urn:nhs:names:services:psisquery:QUPC_IN160101UK05",
    address: "https://msg.opentest.hscic.gov.uk/reliablemessaging/queryrequest",
    fqdn: "msg.opentest.hscic.gov.uk",
    cpaId: "S20003A000304",
    reliability: { syncReplyMode: "MSHSignalsOnly", duplicateElimination: "never", ackRequested: "never" },
  },
  {
    odsCode: "YES",
    partyKey: "YES-0000806",
    mhsId: "928942012545",
    interactions: "urn:nhs:names:services:pdsquery:QUPA_IN040000UK32",
    address: "https://msg.opentest.hscic.gov.uk/sync-service",
    fqdn: "msg.opentest.hscic.gov.uk",
    cpaId: "S20001A000168",
    reliability: { syncReplyMode: "None", duplicateElimination: "never", ackRequested: "never" },
  },
  {
    odsCode: "X26",
    partyKey: "X26-9199246",
    mhsId: "S918999508766",
    interactions: "urn:nhs:names:services:gp2gp:COPC_IN000001UK01",
    address: "https://spineproxy.opentest.hscic.gov.uk/",
    fqdn: "spineproxy.opentest.hscic.gov.uk",
    cpaId: "S918999508766",
    reliability: x26Reliable,
  },
  {
    odsCode: "X26",
    partyKey: "X26-820918",
    mhsId: "cb238429762210af860b",
    interactions: "urn:nhs:names:services:gp2gp:COPC_IN000001UK01",
    address: "https://INT.EPR.Smoke.Tests.77.nhs.uk/INT.EPR.Smoke.Tests.77.nhs.uk/dave",
    fqdn: "INT.EPR.Smoke.Tests.77.nhs.uk",
    cpaId: "cb238429762210af860b",
    reliability: x26Reliable,
  },
  {
    odsCode: "X26",
    partyKey: "X26-200150",
    mhsId: "5878ac87fcd8acfef532bd5e06372fee3bf3df0c",
    interactions: "urn:nhs:names:services:ebs:PRSC_IN080000UK03",
    address: "http://cis.test.fifteen/listener-mhs",
    fqdn: "cis.test.fifteen",
    cpaId: "5878ac87fcd8acfef532bd5e06372fee3bf3df0c",
  },
  {
    odsCode: "YES",
    partyKey: "YES-0000806",
    mhsId: "S20001A000192",
    interactions: "urn:nhs:names:services:tms:ReliableIntermediary",
    address: INTERMEDIARY,
    fqdn: "msg.int.spine2.ncrs.nhs.uk",
    cpaId: "S20001A000192",
    reliability: { syncReplyMode: "None", duplicateElimination: "never", ackRequested: "never" },
  },
  {
    odsCode: "YES",
    partyKey: "YES-0000806",
    mhsId: "S20001A000190",
    interactions: "urn:nhs:names:services:tms:ExpressIntermediary",
    address: INTERMEDIARY,
    fqdn: "msg.int.spine2.ncrs.nhs.uk",
    cpaId: "S20001A000190",
    reliability: { syncReplyMode: "None", duplicateElimination: "never", ackRequested: "never" },
  },
];

/** Services whose messages go through the Spine intermediary (the address is rewritten for them). */
export const RELIABLE_SERVICES = new Set([
  "cc",
  "ebs",
  "ebsepr",
  "ebsnpr",
  "gp2gp",
  "pat",
  "itk",
  "dis",
  "ed",
  "op",
  "caf",
  "adm",
  "ooh",
  "am",
  "mh",
  "nd",
  "dir",
]);

export const FORWARD_RELIABLE_INTERACTIONS = new Set([
  "COPC_IN000001UK01",
  "PRSC_IN040000UK08",
  "PRSC_IN080000UK07",
  "PRPA_IN010000UK07",
  "PRPA_IN020000UK06",
  "PRSC_IN050000UK06",
  "PRSC_IN090000UK09",
  "PRPA_IN030000UK08",
  "PRSC_IN100000UK06",
  "PRSC_IN070000UK08",
  "PRSC_IN140000UK06",
  "RCMR_IN010000UK05",
  "RCMR_IN030000UK06",
  "PRSC_IN130000UK07",
  "PRSC_IN110000UK08",
  "PRSC_IN060000UK06",
  "PRSC_IN150000UK06",
  "POLB_IN020006UK01",
  "POLB_IN020005UK01",
  "COMT_IN000004GB01",
  "MCCI_IN010000UK13",
]);

export const FORWARD_EXPRESS_INTERACTIONS = new Set(["PRSC_IN080000UK03", "PRSC_IN040000UK03"]);

/** Where the intermediary addresses are looked up (the Spine core ODS code in the sandbox). */
export const SPINE_CORE_ODS_CODE = "YES";
export const FORWARD_RELIABLE_SERVICE = "urn:nhs:names:services:tms:ReliableIntermediary";
export const FORWARD_EXPRESS_SERVICE = "urn:nhs:names:services:tms:ExpressIntermediary";
