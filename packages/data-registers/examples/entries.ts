import { createDataRegistersClient } from "@nhskit/data-registers";

export async function entries() {
  const registers = createDataRegistersClient({ environment: "local" });

  // One page at a time...
  const page = await registers.listEntries("postcodes", { search: "LS", limit: 2 });
  console.log(page.total, page.nextOffset);

  // ...or every matching entry, as the register stood on a date.
  const organisations: string[] = [];
  for await (const entry of registers.allEntries("organisation-codes", { asAt: "2012-01-01", limit: 2 })) {
    organisations.push(`${entry.code} ${entry.name} (${entry.status})`);
  }
  return organisations;
}
