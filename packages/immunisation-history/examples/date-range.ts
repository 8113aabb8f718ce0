import { createImmunisationHistoryClient } from "@nhskit/immunisation-history";

export async function dateRange() {
  const history = createImmunisationHistoryClient({ environment: "sandbox" });

  // from/to take YYYY-MM-DD strings or Dates (their UTC day).
  const december = await history.searchImmunisations({
    nhsNumber: "9000000009",
    target: "HPV",
    from: "2020-12-24",
    to: new Date("2020-12-31T00:00:00Z"),
  });
  console.log(december.total); // 2
  return december;
}
