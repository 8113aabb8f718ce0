import type { GpConnectAuditIdentity } from "../../src/index.js";

/** The audit identity of the GP Connect Swagger document's example JWT (sandbox fact 12). */
export const demonstratorAudit: GpConnectAuditIdentity = {
  issuer: "https://orange.testlab.nhs.uk/",
  practitioner: {
    id: "1",
    sdsUserId: "111111111111",
    sdsRoleProfileId: "22222222222222",
    name: { family: "Demonstrator", given: ["GPConnect"], prefix: ["Dr"] },
    localUserId: { system: "https://orange.testlab.nhs.uk/gpconnect-demonstrator/Id/local-user-id", value: "1" },
  },
  organization: { odsCode: "A11111", name: "Consumer organisation name" },
  device: {
    identifier: {
      system: "https://orange.testlab.nhs.uk/gpconnect-demonstrator/Id/local-system-instance-id",
      value: "gpcdemonstrator-1-orange",
    },
    model: "GP Connect Demonstrator",
    version: "1.5.0",
  },
};

/** The Swagger document's worked ASIDs (sandbox fact 11). */
export const CONSUMER_ASID = "200000000359";
export const PROVIDER_ASID = "918999198738";
