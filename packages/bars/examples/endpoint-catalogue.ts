import { NhsApiError } from "@nhskit/bars";
import { barsClient } from "./create-client.js";

export async function endpointCatalogue() {
  const bars = barsClient();

  try {
    const { healthcareServices } = await bars.searchHealthcareServices({ providedBy: "R778" });
    const service = healthcareServices[0];
    const { endpoints } = await bars.searchEndpoints({ healthcareServiceId: service?.id });
    const { templates } = await bars.searchEndpointTemplates({
      payloadType: "https://terminology.hl7.org/CodeSystem/endpoint-payload-type|bars",
    });
    console.log(service?.name, endpoints[0]?.address, templates.length);
    return { healthcareServices, endpoints, templates };
  } catch (error) {
    // The hosted sandbox does not serve the endpoint catalogue: every call there is 404.
    if (error instanceof NhsApiError && error.status === 404) return undefined;
    throw error;
  }
}
