import type { Practitioner } from "@nhskit/gp-connect-appointments";
import { providerClient } from "./provider-client.js";

export async function rawClient() {
  const gpc = providerClient();

  // The raw client is typed from the converted Swagger; headersFor builds the Ssp-* headers and the JWT.
  // The Swagger describes no bodies, so cast to the STU3 types this package provides.
  const { data, response } = await gpc.raw.GET("/Practitioner/{id}", {
    params: { path: { id: "1" }, header: gpc.headersFor("readPractitioner") },
  });
  const practitioner = data as unknown as Practitioner;
  console.log(response.status, practitioner.identifier?.[0]?.value); // 200 G13579135
  return practitioner;
}
