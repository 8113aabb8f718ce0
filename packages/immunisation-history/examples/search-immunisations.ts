import { createImmunisationHistoryClient } from "@nhskit/immunisation-history";

export async function searchImmunisations() {
  const history = createImmunisationHistoryClient({ environment: "sandbox" });

  const { immunisations, patient, total } = await history.searchImmunisations({
    nhsNumber: "9000000009",
    target: "COVID19",
  });
  console.log(total, patient?.birthDate); // 2 1965-02-28
  for (const dose of immunisations) {
    console.log(dose.occurrenceDateTime, dose.vaccineCode.coding[0]?.display, dose.status);
  }
  return { immunisations, patient, total };
}
