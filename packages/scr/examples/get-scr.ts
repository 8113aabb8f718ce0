import { createScrClient } from "@nhskit/scr";

export async function getScr() {
  const scr = createScrClient({ environment: "sandbox" });

  // First the id of the latest SCR (and the patient's permission to view it)...
  const latest = await scr.getScrId("9000000009");
  if (latest.kind === "none") return undefined;
  console.log(latest.scrId, latest.permission); // FA60BE64-1F34-11EB-A2A8-000C29A364EB Ask

  // ...then the record itself. (getLatestScr does both.)
  const record = await scr.getScr("9000000009", latest.scrId);
  if (record.kind === "record") {
    console.log(record.composition?.title, record.bundle.total); // General Practice Summary 9
  }
  return record;
}
