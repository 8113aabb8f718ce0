import { basicAuth } from "@nhskit/auth";
import { dos } from "@nhskit/catalogue";
import { createApiClient } from "@nhskit/core";

/** Reads one service from the Directory of Services with the account NHS England issued you. */
export async function readService(
  serviceId: number,
  account: { username: string; password: string },
  baseUrl?: string,
) {
  const directory = createApiClient({ api: dos, environment: "prod", baseUrl, auth: basicAuth(account) });
  const { data } = await directory.getUrl(`byServiceId/${serviceId}`);
  return data;
}
