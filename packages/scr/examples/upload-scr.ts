import { createScrClient, type ScrUploadBundle } from "@nhskit/scr";

export async function uploadScr() {
  // Uploads need the signed-in user's role id (NHSD-Session-URID).
  const scr = createScrClient({ environment: "sandbox", sessionUrid: "555254240100" });

  const gpSummary = { system: "http://snomed.info/sct", code: "196981000000101", display: "General Practice Summary" };
  const summaryId = crypto.randomUUID().toUpperCase();
  const bundle: ScrUploadBundle = {
    resourceType: "Bundle",
    identifier: { system: "https://tools.ietf.org/html/rfc4122", value: summaryId },
    type: "document",
    timestamp: new Date().toISOString(),
    entry: [
      {
        resource: {
          resourceType: "Composition",
          meta: { lastUpdated: new Date().toISOString() },
          identifier: { system: "https://tools.ietf.org/html/rfc4122", value: summaryId },
          status: "final",
          type: { coding: [gpSummary] },
          category: [
            {
              coding: [
                {
                  system: "http://snomed.info/sct",
                  code: "163171000000105",
                  display: "Care Professional Documentation",
                },
              ],
            },
          ],
          subject: { reference: "Patient/patient-1" },
          date: new Date().toISOString(),
          title: "General Practice Summary",
          // To replace an SCR, name the current one: relatesTo: [{ code: "replaces", targetIdentifier: { value: scrId } }]
        },
      },
      {
        resource: {
          resourceType: "Patient",
          id: "patient-1",
          identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9000000009", extension: [] }],
        },
      },
    ],
  };
  const { status } = await scr.uploadScr(bundle);
  console.log(status); // 201
  return status;
}
