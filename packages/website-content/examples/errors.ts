import { createWebsiteContentClient, NhsApiError, NhsValidationError } from "@nhskit/website-content";

export async function handleErrors() {
  const content = createWebsiteContentClient({ environment: "sandbox", retry: false });
  const seen: string[] = [];

  try {
    await content.listConditions({ category: "AB" }); // refused before sending
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.message ?? "");
  }
  try {
    // The sandbox has no canned answer for this letter: HTTP 200 with {"statusCode": 404, ...} in the body.
    await content.listConditions({ category: "c" });
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.diagnostics}`);
  }
  try {
    await content.getPage("live-well/no-such-page"); // a real 404
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.diagnostics}`); // 404 Resource not found
  }
  return seen;
}
