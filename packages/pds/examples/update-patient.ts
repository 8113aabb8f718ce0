import { createPdsClient, NhsApiError } from "@nhskit/pds";

export async function updatePatient() {
  const pds = createPdsClient({ environment: "sandbox" });

  // Read first: an update must quote the version it was based on.
  const { version } = await pds.getPatient("9000000009");
  try {
    const patches = [{ op: "replace", path: "/birthDate", value: "2010-10-23" }] as const;
    const updated = await pds.updatePatient("9000000009", patches, { version });
    console.log(updated.version); // 3 (the sandbox does not keep the change)
    return updated;
  } catch (error) {
    if (error instanceof NhsApiError && error.code === "RESOURCE_VERSION_MISMATCH") {
      console.log("someone else changed the record: read it again and retry");
    }
    throw error;
  }
}
