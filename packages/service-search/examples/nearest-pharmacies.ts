import { createServiceSearchClient, geoDistance, odataString } from "@nhskit/service-search";

export async function nearestPharmacies() {
  const directory = createServiceSearchClient({ environment: "sandbox" });

  // Community pharmacies that take electronic prescriptions, nearest to a point first.
  const filter = [
    `IsEpsEnabled eq ${odataString("true")}`,
    `OrganisationTypeId eq ${odataString("PHA")}`,
    `OrganisationSubType eq ${odataString("Community")}`,
  ].join(" and ");
  const { organisations, count } = await directory.searchOrganisations({
    $filter: filter,
    // Strings keep every digit; numbers work too. The sandbox only knows this exact point.
    $orderby: geoDistance({ latitude: "52.000820159912109", longitude: "-0.76444095373153675" }),
    $top: 10,
    $count: true,
  });
  console.log(count, organisations.map((o) => o.ODSCode).slice(0, 3)); // 482 [ 'FDF16', 'FQE61', 'FA660' ]
  return { organisations, count };
}
