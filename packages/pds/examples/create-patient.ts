import { createPdsClient } from "@nhskit/pds";

export async function createPatient() {
  const pds = createPdsClient({ environment: "sandbox" });

  const result = await pds.createPatient({
    name: [{ use: "usual", given: ["Ava"], family: "Newton", period: { start: "2026-11-01" } }],
    gender: "female",
    birthDate: "2026-11-01",
    address: [{ use: "home", line: ["1 Birth Lane", "Leeds"], postalCode: "LS1 1AA", period: { start: "2026-11-01" } }],
    // Who is registering the birth: the registering authority type and your ODS code.
    extension: [
      {
        url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-RegisteringAuthority",
        extension: [
          {
            url: "registeringAuthorityType",
            valueCodeableConcept: {
              coding: [{ system: "https://fhir.nhs.uk/CodeSystem/UKCore-RegisteringAuthorityType", code: "x" }],
            },
          },
          { url: "organisationIdentifier", valueString: "Y12345" },
        ],
      },
    ],
  });
  if (result.kind === "created") {
    console.log(result.nhsNumber); // 5182663366
  } else {
    console.log("a record probably exists already:", result.kind);
  }
  return result;
}
