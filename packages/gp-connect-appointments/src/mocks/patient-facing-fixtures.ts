// The patient-facing sandbox answers every valid request with the specification's example for the operation.
// These are nhskit's versions of them: resource ids, statuses, dates, codes and references are the
// specification's (so code written against one works against the other); names and free text are ours.

const SD = "https://fhir.nhs.uk/STU3/StructureDefinition";
const CS = "https://fhir.nhs.uk/STU3/CodeSystem";
const PATIENT = "Patient/9000000009";

const profile = (name: string, versionId?: string) => ({
  ...(versionId ? { versionId } : {}),
  profile: [`${SD}/${name}`],
});
const inPerson = { url: `${SD}/Extension-GPConnect-DeliveryChannel-2`, valueCode: "In-person" };
const role = (code: string, display: string) => ({
  url: `${SD}/Extension-GPConnect-PractitionerRole-1`,
  valueCodeableConcept: { coding: [{ system: `${CS}/CareConnect-SDSJobRoleName-1`, code, display }] },
});
const bookingOrganisation = {
  url: `${SD}/Extension-GPConnect-BookingOrganisation-1`,
  valueReference: { reference: "#1" },
};
const bookedBy = (ods: string, type: string) => ({
  resourceType: "Organization",
  id: "1",
  meta: profile("CareConnect-GPC-Organization-1"),
  identifier: [{ system: "https://fhir.nhs.uk/Id/ods-organization-code", value: ods }],
  type: [{ coding: [{ system: `${CS}/GPConnect-OrganisationType-1`, code: type }] }],
  name: "nhskit booking surgery",
  telecom: [{ system: "phone", value: "0113 496 0000" }],
});

const practitioner2 = {
  resourceType: "Practitioner",
  id: "2",
  meta: profile("CareConnect-GPC-Practitioner-1", "636064088099800115"),
  identifier: [{ system: "https://fhir.nhs.uk/Id/sds-user-id", value: "111122223333" }],
  name: [{ family: "Okonjo", given: ["Ruth"], prefix: ["Dr"] }],
  gender: "female",
};

const location17 = {
  resourceType: "Location",
  id: "17",
  meta: profile("CareConnect-GPC-Location-1", "636064088100870233"),
  name: "nhskit Health Centre",
  address: { line: ["1 Test Street", "Leeds"], postalCode: "LS1 6AE" },
  telecom: [{ system: "phone", value: "0113 496 0001", use: "work" }],
  managingOrganization: { reference: "Organization/23" },
};

const slot = (id: string, versionId: string, service: string, start: string, end: string) => ({
  resourceType: "Slot",
  id,
  meta: profile("GPConnect-Slot-1", versionId),
  extension: [inPerson],
  serviceType: [{ text: service }],
  schedule: { reference: "Schedule/14" },
  status: "free",
  start,
  end,
});

/** `GET /Slot`: always the same searchset, whatever was asked for. */
export const slotSearchset = {
  resourceType: "Bundle",
  type: "searchset",
  entry: [
    {
      resource: slot(
        "1584",
        "1471219260000",
        "General GP Appointment",
        "2016-08-15T11:30:00+01:00",
        "2016-08-15T11:40:00+01:00",
      ),
    },
    {
      resource: slot(
        "1644",
        "1471219260112",
        "NHS Health Check",
        "2016-08-15T11:40:00+01:00",
        "2016-08-15T11:50:00+01:00",
      ),
    },
    {
      resource: {
        resourceType: "Schedule",
        id: "14",
        meta: profile("GPConnect-Schedule-1", "1469444400000"),
        extension: [role("R0260", "General Medical Practitioner")],
        serviceCategory: { text: "General GP Appointments" },
        actor: [{ reference: "Location/17" }, { reference: "Practitioner/2" }],
        planningHorizon: { start: "2016-08-15T09:00:00+01:00", end: "2016-08-15T12:00:00+01:00" },
      },
    },
    { resource: practitioner2 },
    { resource: location17 },
    {
      resource: {
        resourceType: "Organization",
        id: "23",
        meta: profile("CareConnect-GPC-Organization-1", "636064088098730113"),
        identifier: [{ system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "A00001" }],
        name: "nhskit Health Centre",
        address: [{ line: ["1 Test Street"], city: "Leeds", district: "West Yorkshire", postalCode: "LS1 6AE" }],
        telecom: [{ system: "phone", value: "0113 496 0001", use: "work" }],
      },
    },
  ],
};

/** `POST /Appointment`: appointment 9, booked. */
export const bookedAppointment = {
  resourceType: "Appointment",
  id: "9",
  meta: profile("GPConnect-Appointment-1", "636068818095315079"),
  contained: [bookedBy("Z100", "gp-practice")],
  extension: [bookingOrganisation, role("R0260", "General Medical Practitioner"), inPerson],
  status: "booked",
  serviceCategory: { text: "General GP Appointments" },
  serviceType: [{ text: "General GP Appointment" }],
  description: "Booked through nhskit's mock",
  start: "2017-05-30T10:00:00+01:00",
  end: "2017-05-30T10:25:00+01:00",
  minutesDuration: 25,
  slot: [{ reference: "Slot/1" }],
  created: "2017-05-25T13:48:41+01:00",
  comment: "A comment from the patient",
  participant: [
    { actor: { reference: PATIENT }, status: "accepted" },
    { actor: { reference: "Location/32" }, status: "accepted" },
  ],
};

const appointment150 = {
  resourceType: "Appointment",
  id: "150",
  meta: profile("GPConnect-Appointment-1", "1503440820000"),
  contained: [bookedBy("Z100", "gp-practice")],
  extension: [bookingOrganisation, role("R0260", "General Medical Practitioner"), inPerson],
  status: "booked",
  serviceCategory: { text: "General GP Appointments" },
  serviceType: [{ text: "General GP Appointment" }],
  description: "Follow-up appointment",
  start: "2017-08-17T11:20:00+01:00",
  end: "2017-08-17T11:30:00+01:00",
  minutesDuration: 10,
  slot: [{ reference: "Slot/303" }],
  created: "2017-08-14T13:48:41+01:00",
  participant: [
    { actor: { reference: PATIENT }, status: "accepted" },
    { actor: { reference: "Location/1" }, status: "accepted" },
  ],
};

/** `GET /Patient/{id}/Appointment`: appointments 149 and 150, with Practitioner 2 and Location 17. */
export const patientAppointments = {
  resourceType: "Bundle",
  type: "searchset",
  entry: [
    {
      resource: {
        resourceType: "Appointment",
        id: "149",
        meta: profile("GPConnect-Appointment-1", "1503310820000"),
        contained: [bookedBy("A00123", "gp-practice")],
        extension: [bookingOrganisation, role("R0600", "Specialist Nurse Practitioner"), inPerson],
        status: "booked",
        serviceCategory: { text: "Nurse Appointments" },
        serviceType: [{ text: "Nurse Appointment" }],
        description: "Nurse review",
        start: "2017-08-21T10:30:00+01:00",
        end: "2017-08-21T10:50:00+01:00",
        minutesDuration: 20,
        slot: [{ reference: "Slot/544" }, { reference: "Slot/545" }],
        created: "2017-07-09T13:48:41+01:00",
        comment: "Two slots together",
        participant: [
          { actor: { reference: PATIENT }, status: "accepted" },
          { actor: { reference: "Location/1" }, status: "accepted" },
          { actor: { reference: "Practitioner/2" }, status: "accepted" },
        ],
      },
    },
    { resource: appointment150 },
    { resource: practitioner2 },
    { resource: location17 },
  ],
};

/** `GET /Appointment/{id}`: appointment 150, whatever the id. */
export const singleAppointment = appointment150;

/** `PUT /Appointment/{id}`: appointment 9, cancelled, with its reason. */
export const cancelledAppointment = {
  ...bookedAppointment,
  extension: [
    bookingOrganisation,
    { url: `${SD}/Extension-GPConnect-AppointmentCancellationReason-1`, valueString: "No longer needed" },
    role("R0260", "General Medical Practitioner"),
    inPerson,
  ],
  status: "cancelled",
  description: "Booked through nhskit's mock (cancelled)",
  minutesDuration: 10,
  participant: [
    { actor: { reference: PATIENT }, status: "accepted" },
    { actor: { reference: "Location/32" }, status: "accepted" },
  ],
};

/** The 4XX examples the sandbox falls back to when a request fails validation. */
export const accessDenied = { code: "forbidden", spineCode: "ACCESS_DENIED", display: "Access Denied" };
export const noRecordFound = { code: "not-found", spineCode: "NO_RECORD_FOUND", display: "No record found" };
