// Vaccination records written for nhskit. Dates, manufacturers, SNOMED CT codes, the test patient's NHS number,
// birth date and fullUrl are the hosted sandbox's (so code written against one works against the other);
// everything else, ids included, is ours.

const SNOMED = "http://snomed.info/sct";
const NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

export type Json = Record<string, unknown>;

/** The sandbox's one patient with a history. */
export const HISTORY_NHS_NUMBER = "9000000009";
/** fullUrl of the included Patient; every Immunization refers to it. */
export const PATIENT_FULL_URL = "urn:uuid:124fcb63-669c-4a3c-af2b-caf55de167ec";

const code = (value: string, display: string) => ({ coding: [{ system: SNOMED, code: value, display }] });

interface Dose {
  fullUrl: string;
  id: string;
  when: string;
  procedure: [string, string];
  vaccine: [string, string];
  manufacturer: string;
  route: [string, string];
  site: [string, string];
  lot: string;
  notDone?: [string, string];
}

function immunization(dose: Dose) {
  return {
    fullUrl: dose.fullUrl,
    resource: {
      resourceType: "Immunization",
      id: dose.id,
      extension: [
        {
          url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-VaccinationProcedure",
          valueCodeableConcept: code(...dose.procedure),
        },
      ],
      identifier: [{ use: "secondary", system: "https://supplierABC/identifiers/vacc", value: `nhskit-${dose.id}` }],
      status: dose.notDone ? "not-done" : "completed",
      ...(dose.notDone ? { statusReason: [code(...dose.notDone)] } : {}),
      vaccineCode: code(...dose.vaccine),
      patient: {
        reference: PATIENT_FULL_URL,
        type: "Patient",
        identifier: { system: NHS_NUMBER, value: HISTORY_NHS_NUMBER },
      },
      occurrenceDateTime: dose.when,
      recorded: dose.when.slice(0, 10),
      primarySource: true,
      manufacturer: { display: dose.manufacturer },
      lotNumber: dose.lot,
      expirationDate: "2021-04-29",
      site: code(...dose.site),
      route: code(...dose.route),
      doseQuantity: { system: SNOMED, value: 1, unit: "pre-filled disposable injection", code: "3318611000001103" },
      performer: [
        {
          actor: {
            type: "Organization",
            identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "RX809" },
            display: "nhskit test vaccination site",
          },
        },
      ],
      reasonCode: [code("443684005", "Disease outbreak (event)")],
      protocolApplied: [{ doseNumberPositiveInt: 1 }],
      location: { identifier: { system: "urn:iso:std:iso:3166", value: "GB" } },
    },
    search: { mode: "match" },
  };
}

const LEFT_ARM: [string, string] = ["368208006", "Left upper arm structure (body structure)"];
const INTRAMUSCULAR: [string, string] = ["78421000", "Intramuscular route (qualifier value)"];

const covidDose = (n: number, when: string) =>
  immunization({
    fullUrl: `urn:uuid:5b0e3f4a-1c2d-4e6f-8a9b-0c1d2e3f4a5${n}`,
    id: `nhskit-covid-${n}`,
    when,
    procedure: ["1324681000000101", "Administration of first dose of SARS-CoV-2 vaccine (procedure)"],
    vaccine: ["39114911000001105", "COVID-19 Vaccine AstraZeneca (ChAdOx1 S [recombinant]) (product)"],
    manufacturer: "AstraZeneca Ltd",
    route: INTRAMUSCULAR,
    site: LEFT_ARM,
    lot: "R04X",
  });

const hpvDose = (n: number, when: string, notDone?: [string, string]) =>
  immunization({
    fullUrl: `urn:uuid:7d2c9e81-3b4a-4f5e-9d6c-1e2f3a4b5c6${n}`,
    id: `nhskit-hpv-${n}`,
    when,
    procedure: ["149481000000105", "Administration of human papillomavirus vaccine (procedure)"],
    vaccine: ["12238911000001100", "Cervarix vaccine 0.5ml pre-filled syringes (GlaxoSmithKline) (product)"],
    manufacturer: "GlaxoSmithKline UK Ltd",
    route: INTRAMUSCULAR,
    site: LEFT_ARM,
    lot: "R04X",
    ...(notDone ? { notDone } : {}),
  });

/** COVID-19 (target COVID19 or procedure code 90640007): two AstraZeneca doses. */
export const covidEntries = [
  covidDose(1, "2020-12-10T13:00:08.476+00:00"),
  covidDose(2, "2020-12-31T13:00:08.476+00:00"),
];

/** HPV: three GlaxoSmithKline records on consecutive days; the last was not given (no consent). */
export const hpvEntries = [
  hpvDose(1, "2020-12-23T13:00:08.476+00:00"),
  hpvDose(2, "2020-12-24T13:00:08.476+00:00"),
  hpvDose(3, "2020-12-25T13:00:08.476+00:00", ["310376006", "Immunization consent not given"]),
];

/** Flu (version 1 only): one GlaxoSmithKline dose given intracutaneously. */
export const fluEntries = [
  immunization({
    fullUrl: "urn:uuid:c4e1a7b2-6d3f-4a8e-b5c9-2f7e8d9a0b1c",
    id: "nhskit-flu-1",
    when: "2021-08-02T12:46:16.019+00:00",
    procedure: ["884861000000100", "Administration of first dose of influenza vaccine (procedure)"],
    vaccine: [
      "22704311000001108",
      "Fluarix Tetra vaccine 0.5ml pre-filled syringes (GlaxoSmithKline UK Ltd) (product)",
    ],
    manufacturer: "GlaxoSmithKline UK Ltd",
    route: ["2164884015", "Intracutaneous use"],
    site: ["368209003", "Right upper arm structure (body structure)"],
    lot: "FLU21A",
  }),
];

/** The patient included with every non-empty answer for 9000000009. */
export function includedPatient() {
  return {
    fullUrl: PATIENT_FULL_URL,
    resource: {
      resourceType: "Patient",
      id: HISTORY_NHS_NUMBER,
      identifier: [{ system: NHS_NUMBER, value: HISTORY_NHS_NUMBER }],
      birthDate: "1965-02-28",
    },
    search: { mode: "include" },
  };
}
