import { createDataRegistersClient } from "@nhskit/data-registers";

export async function history() {
  const registers = createDataRegistersClient({ environment: "local" });

  // The same code now and as it stood on a past date.
  const now = await registers.getEntry("diagnosis-codes", "E11");
  const past = await registers.getEntry("diagnosis-codes", "E11", { asAt: "2015-12-31" });
  console.log(now.entry.name); // Type 2 diabetes mellitus
  console.log(past.entry.name); // Non-insulin-dependent diabetes mellitus

  // The dates a point-in-time copy was published.
  const { snapshots } = await registers.listSnapshots("organisation-codes");
  console.log(snapshots.map((s) => s.asAt));
  return { now: now.entry, past: past.entry, snapshots };
}
