import { expect } from "vitest";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

/** Where a 302 points. */
export function locationOf(response: Response): string {
  expect(response.status, "expected a 302 redirect").toBe(302);
  const location = response.headers.get("location");
  expect(location).toBeTruthy();
  return location as string;
}

/** Reads the mock's sign-in page: where its form posts, and its hidden fields. */
export async function readSignInPage(response: Response, pageUrl: string) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  const html = await response.text();
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  expect(action, "the page has a form").toBeTruthy();
  const hidden: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]+)">/g)) hidden[m[1]!] = m[2]!;
  return { html, action: new URL(action as string, pageUrl).href, hidden };
}

/** Picks a test user on a sign-in page, as pressing their button does; answers the redirect that follows. */
export async function pickUser(page: { action: string; hidden: Record<string, string> }, user: string) {
  return fetch(page.action, {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ ...page.hidden, user }).toString(),
    redirect: "manual",
  });
}

/**
 * What a browser does between the platform's /authorize and the app's callback: follow the redirect to the
 * mock identity provider, pick a test user, follow the callback. Returns the URL the app is sent back to.
 */
export async function signInThroughPlatform(authorizeUrl: string, user: string): Promise<string> {
  const loginUrl = locationOf(await fetch(authorizeUrl, { redirect: "manual" }));
  const page = await readSignInPage(await fetch(loginUrl), loginUrl);
  const callback = locationOf(await pickUser(page, user));
  expect(new URL(callback).pathname).toMatch(/\/oauth2\/callback$/);
  return locationOf(await fetch(callback, { redirect: "manual" }));
}

/** The same for NHS login itself: its /authorize shows the page, picking a user redirects to the app. */
export async function signInThroughNhsLogin(authorizeUrl: string, nhsNumber: string): Promise<string> {
  const page = await readSignInPage(await fetch(authorizeUrl), authorizeUrl);
  return locationOf(await pickUser(page, nhsNumber));
}
