import { expect, type Page, test } from "@playwright/test";
import { SANDBOX_PORT } from "../playwright.config.js";

const sandbox = `http://127.0.0.1:${SANDBOX_PORT}`;
const open = (page: Page, hash: string) => page.goto(`/?sandbox=${encodeURIComponent(sandbox)}#${hash}`);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function pickOperation(page: Page, key: string) {
  await page.getByTestId("operation").selectOption(key);
}

test("reads patient 9000000009 from the local sandbox", async ({ page }) => {
  await open(page, "");
  await page.getByTestId("api-search").fill("demographics");
  await page.getByTestId("api-pds").click();
  await pickOperation(page, "GET /Patient/{id}");
  await expect(page.getByTestId("param-path-id")).toHaveValue("9000000009");
  await shot(page, "01-pds-form");
  await page.getByTestId("send").click();
  await expect(page.getByTestId("status")).toHaveText(/^200/);
  await expect(page.getByTestId("body-view")).toContainText('"Jane"');
  await expect(page.getByTestId("body-view")).toContainText('"Smith"');
  await expect(page.getByTestId("request-line")).toHaveText(
    `GET ${sandbox}/personal-demographics/FHIR/R4/Patient/9000000009`,
  );
  await expect(page.getByTestId("response-headers")).toContainText('W/"2"');
  await expect(page.getByTestId("snippet")).toContainText('import { createPdsClient } from "@nhskit/pds"');
  await expect(page.getByTestId("history")).toContainText("pds GET /Patient/{id} → 200");
  await shot(page, "02-pds-read");
});

test("refuses an invalid NHS number without sending anything", async ({ page }) => {
  await open(page, "pds");
  await pickOperation(page, "GET /Patient/{id}");
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(sandbox)) sent.push(request.url());
  });
  await page.getByTestId("param-path-id").fill("9000000000");
  await page.getByTestId("send").click();
  await expect(page.getByTestId("input-errors")).toContainText('"9000000000" fails the NHS number check digit');
  await expect(page.getByTestId("result")).toContainText("Not sent");
  expect(sent).toEqual([]);
  await shot(page, "03-invalid-nhs-number");
});

test("shows the typed error for an API error", async ({ page }) => {
  await open(page, "pds");
  await pickOperation(page, "GET /Patient/{id}");
  await page.getByTestId("param-path-id").fill("9111231130");
  await page.getByTestId("send").click();
  await expect(page.getByTestId("status")).toHaveText(/^404/);
  await expect(page.getByTestId("error-code")).toHaveText("RESOURCE_NOT_FOUND");
  await expect(page.getByTestId("typed-error")).toContainText("What to do");
  await shot(page, "04-typed-error");
});

const SECRET_KEY = "pg-demo-api-key-7d41";
const SECRET_PASSWORD = "pg-demo-password-93af";
const SECRET_TOKEN = "Pg1demo2token3";

test("each auth pattern: credentials are sent masked and never stored", async ({ page, context }) => {
  // Open access.
  await open(page, "pds");
  await pickOperation(page, "GET /Patient/{id}");
  await page.getByTestId("send").click();
  await expect(page.getByTestId("status")).toHaveText(/^200/);
  await expect(page.getByTestId("request-headers")).not.toContainText("authorization");

  // Bearer token (CIS2 / NHS login / signed-JWT access tokens).
  await page.getByTestId("cred-kind").selectOption("bearer");
  await page.getByTestId("cred-token").fill(SECRET_TOKEN);
  await page.getByTestId("send").click();
  await expect(page.getByTestId("status")).toHaveText(/^200/);
  await expect(page.getByTestId("request-headers")).toContainText("Bearer [redacted]");
  await shot(page, "05-bearer");

  // API key.
  await page.getByTestId("api-search").fill("spine directory");
  await page.getByTestId("api-sds").click();
  await page.getByTestId("cred-kind").selectOption("api-key");
  await page.getByTestId("cred-api-key").fill(SECRET_KEY);
  await page.getByTestId("send").click();
  await expect(page.getByTestId("request-headers")).toContainText("apikey");
  await expect(page.getByTestId("request-headers")).toContainText("[redacted]");
  await shot(page, "06-api-key-masked");

  // HTTP basic.
  await page.getByTestId("api-search").fill("directory of services");
  await page.getByTestId("api-dos").click();
  await pickOperation(page, "GET /byOdsCode/{odsCode}");
  await page.getByTestId("cred-kind").selectOption("basic");
  await page.getByTestId("cred-username").fill("demo-user");
  await page.getByTestId("cred-password").fill(SECRET_PASSWORD);
  await page.getByTestId("send").click();
  await expect(page.getByTestId("request-headers")).toContainText("Basic [redacted]");
  await shot(page, "07-basic");

  // Nothing secret anywhere a browser keeps things, nor on the page.
  const stored = await page.evaluate(() =>
    JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      url: location.href,
      cookie: document.cookie,
    }),
  );
  const cookies = JSON.stringify(await context.cookies());
  const text = (await page.locator("body").textContent()) ?? "";
  for (const secret of [SECRET_KEY, SECRET_PASSWORD, SECRET_TOKEN]) {
    expect(stored).not.toContain(secret);
    expect(cookies).not.toContain(secret);
    expect(text).not.toContain(secret);
  }
});

test("the catalogue lists every API with its status", async ({ page }) => {
  await open(page, "");
  await expect(page.locator(".api-list li")).toHaveCount(19);
  await expect(page.getByTestId("api-dos")).toContainText("deprecated");
  await expect(page.getByTestId("api-data-registers")).toContainText("provisional");
  await page.getByTestId("api-search").fill("prescri");
  await expect(page.locator(".api-list li")).toHaveCount(1);
  await shot(page, "08-catalogue");
});

test("runs the CIS2 / NHS login redirect flow against the sandbox's login page", async ({ page }) => {
  await open(page, "nhs-login");
  const popupOpened = page.waitForEvent("popup");
  await page.getByTestId("signin").click();
  const popup = await popupOpened;
  await popup.waitForLoadState();
  await popup.screenshot({ path: "test-results/screenshots/09-login-page.png" });
  await popup.locator("section", { hasText: "NHS CIS2" }).locator("button[name=user]:not([disabled])").first().click();
  await expect(page.getByTestId("signin-status")).toContainText("Signed in", { timeout: 15_000 });
  await expect(page.getByTestId("signin-result")).toContainText("sub");
  await expect(page.getByTestId("signin-result")).toContainText("(masked; kept in memory for this page only)");
  await shot(page, "10-signed-in");
});
