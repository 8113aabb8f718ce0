import { catalogue } from "@nhskit/catalogue";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli-run.js";
import { captured, fileRan } from "./support/capture.js";

fileRan("cli-onboarding");

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() });
  captured.lines.push(...out, ...err);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("nhskit onboarding <api>", () => {
  it("prints the PDS checklist: assurance, HSCN, use case, rate limit, access modes, path to production", async () => {
    const { code, out, err } = await run("onboarding", "pds");
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/^Going live with the Personal Demographics Service \(PDS\) FHIR API \(pds, @nhskit\/pds\)/);
    expect(out).toContain("https://digital.nhs.uk/developer/api-catalogue/personal-demographics-service-fhir");
    for (const heading of ["At a glance", "Access modes", "Path to production"])
      expect(out).toContain(`\n${heading}\n`);
    expect(out).toContain("- Assurance: Digital onboarding");
    expect(out).toContain("- HSCN: Only for NHS smartcard users");
    expect(out).toContain("- Use case or access request: Needed");
    expect(out).toMatch(/- Rate limit: 5 requests a second per application/);
    expect(out).toContain("Healthcare worker (NHS CIS2, AAL2 or AAL3)");
    expect(out).toMatch(/\[ \] Local[\s\S]*\[ \] Sandbox[\s\S]*\[ \] Integration[\s\S]*\[ \] Production/);
    // Wrapped for a terminal.
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(110);
  });

  it("takes a package name too, and shows the rules of use where there are some", async () => {
    const { code, out } = await run("onboarding", "@nhskit/dos");
    expect(code).toBe(0);
    expect(out).toContain("\nRules of use\n");
    expect(out).toContain("- Do not cache service information");
    expect(out).toContain("- Do not crawl the directory");
  });

  it.each(catalogue.map((a) => a.id))("prints %s", async (id) => {
    const { code, out } = await run("onboarding", id);
    expect(code).toBe(0);
    expect(out).toContain("Path to production");
  });

  it("--json gives the facts for scripts", async () => {
    const { code, out } = await run("onboarding", "website-content", "--json");
    expect(code).toBe(0);
    const facts = JSON.parse(out);
    expect(facts.id).toBe("website-content");
    expect(facts.rateLimit).toMatchObject({ perSecond: 20, environments: { sandbox: 1, int: 2 } });
    expect(facts.assurance.process).toBe("digital-onboarding");
    expect(facts.accessModes[0].auth).toBe("api-key");
    expect(facts.path.map((s: { environment: string }) => s.environment)).toEqual(["local", "sandbox", "int", "prod"]);
  });

  it("explains a missing or unknown API (exit 2)", async () => {
    const missing = await run("onboarding");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("say which API, one of: pds, eps");
    const unknown = await run("onboarding", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown API "nope"; known APIs: pds');
    expect((await run("onboarding", "pds", "--kid", "x")).code).toBe(2);
    expect((await run("keys", "generate", "--kid", "x", "--json")).code).toBe(2);
  });
});
