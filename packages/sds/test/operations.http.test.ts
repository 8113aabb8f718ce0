import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSdsClient, type SdsClient } from "../src/index.js";
import { httpTarget, type Target } from "./support/targets.js";

// Every SDS operation through its named method, against the mocks served over real HTTP (no msw in this file).
describe("SDS operations over real HTTP", () => {
  let target: Target;
  let sds: SdsClient;
  beforeAll(async () => {
    target = await httpTarget();
    sds = createSdsClient({ baseUrl: target.baseUrl, retry: false });
  });
  afterAll(() => target.close());

  it("findDevices (GET /Device)", async () => {
    const found = await sds.findDevices({
      odsCode: "X26",
      interactionId: "urn:nhs:names:services:gp2gp:COPC_IN000001UK01",
    });
    expect(found.summaries.map((s) => s.asid)).toEqual(["918999199246"]);
    expect(target.seen().at(-1)).toMatch(/^\/spine-directory\/FHIR\/R4\/Device\?/);
  });

  it("findEndpoints (GET /Endpoint)", async () => {
    const found = await sds.findEndpoints({
      odsCode: "YES",
      interactionId: "urn:nhs:names:services:psis:REPC_IN150016UK05",
    });
    expect(found.summaries.map((s) => s.mhsId)).toEqual(["S20001A000182"]);
    expect(target.seen().at(-1)).toMatch(/^\/spine-directory\/FHIR\/R4\/Endpoint\?/);
  });
});
