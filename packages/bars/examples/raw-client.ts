import { encodeJsonHeader, SANDBOX_TARGETS } from "@nhskit/bars";
import { barsClient } from "./create-client.js";

export async function rawClient() {
  const bars = barsClient();

  // Every operation in the OpenAPI document, typed. You set the BaRS headers yourself here.
  const { data } = await bars.raw.GET("/Slot", {
    params: {
      query: { status: ["free"], start: "2022-03-01T12:00:00+00:00", _include: ["Schedule:actor:HealthcareService"] },
      header: {
        Accept: "application/fhir+json; version=1.4.0",
        "NHSD-Target-Identifier": encodeJsonHeader(SANDBOX_TARGETS.tests),
        "NHSD-End-User-Organisation": encodeJsonHeader({ resourceType: "Organization", name: "Riverside Surgery" }),
        "NHSD-Requesting-Software": encodeJsonHeader({ resourceType: "Device" }),
      },
    },
  });
  console.log(data.total); // 8
  return data;
}
