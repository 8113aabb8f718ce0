import { userToken } from "@nhskit/auth";
import { pds } from "@nhskit/catalogue";
import { createApiClient } from "@nhskit/core";

/**
 * In a browser: the page asks your own backend for the signed-in user's current access token (the backend
 * keeps the refresh token and the app's private key), so nothing secret lives in the page for long.
 */
export function pdsForSignedInUser(tokenEndpointOfYourBackend: string, baseUrl?: string) {
  const auth = userToken({
    getAccessToken: async () => {
      const response = await fetch(tokenEndpointOfYourBackend, { credentials: "include" });
      if (!response.ok) throw new Error("Not signed in");
      return response.text();
    },
  });
  return createApiClient({ api: pds, environment: "int", baseUrl, auth });
}
