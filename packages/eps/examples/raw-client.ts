import { createEpsDispensingClient, type ReturnTask } from "@nhskit/eps";

export async function rawClient() {
  const dispensing = createEpsDispensingClient({ environment: "sandbox" });

  const task: ReturnTask = {
    resourceType: "Task",
    status: "rejected",
    intent: "order",
    groupIdentifier: { system: "https://fhir.nhs.uk/Id/prescription-order-number", value: "58EFB9-A83008-27693K" },
    statusReason: {
      coding: [{ system: "https://fhir.nhs.uk/CodeSystem/EPS-task-dispense-return-status-reason", code: "0002" }],
    },
  };
  // Every operation of the document, typed. The `#return` in the path names the operation; it is not sent.
  const { data, response } = await dispensing.raw.POST("/FHIR/R4/Task#return", {
    body: task,
    headers: { "Content-Type": "application/fhir+json" },
  });
  console.log(response.status, data.issue?.[0]?.code); // 200 informational
  return data;
}
