import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ASSURANCE_LABELS,
  catalogue,
  ENVIRONMENTS,
  findOnboarding,
  getApi,
  HSCN_LABELS,
  onboardingChecklist,
  onboardingFor,
  rateLimitSummary,
} from "../src/index.js";

const sharedDir = process.env.NHSKIT_SPECS_DIR
  ? fileURLToPath(new URL("..", `file://${process.env.NHSKIT_SPECS_DIR}/`))
  : fileURLToPath(new URL("../../../../shared", import.meta.url));
const haveSources = existsSync(`${sharedDir}/specs`) && existsSync(`${sharedDir}/reference`);

/** SOURCE.md plus the sandbox facts (when there are any) and the shared policy notes. */
function sources(id: string): string {
  const files = [
    `${sharedDir}/specs/${id}/SOURCE.md`,
    `${sharedDir}/reference/sandbox-facts/${id}.md`,
    `${sharedDir}/reference/policy-and-onboarding.md`,
  ];
  return files
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
}

describe("onboarding facts", () => {
  it.each(catalogue.map((a) => [a.id, a] as const))("%s has every onboarding fact filled in", (id, api) => {
    const facts = findOnboarding(id);
    expect(facts, `${id} has no onboarding facts`).toBeDefined();
    if (!facts) return;
    expect(Object.keys(ASSURANCE_LABELS)).toContain(facts.assurance.process);
    expect(facts.assurance.note.length).toBeGreaterThan(10);
    expect(Object.keys(HSCN_LABELS)).toContain(facts.hscn.need);
    expect(facts.hscn.note.length).toBeGreaterThan(10);
    expect(typeof facts.approval.needed).toBe("boolean");
    expect(facts.approval.note.length).toBeGreaterThan(3);

    // One access mode per auth pattern the catalogue lists, each saying what it needs.
    expect(facts.accessModes.map((m) => m.auth).sort()).toEqual([...api.auth].sort());
    for (const mode of facts.accessModes) {
      expect(mode.name.length).toBeGreaterThan(3);
      expect(mode.needs.length).toBeGreaterThan(0);
    }

    // From nhskit's local sandbox to production, in order, through environments the API has (or says why not).
    const envs = facts.path.map((s) => s.environment);
    expect(envs[0]).toBe("local");
    expect(envs.at(-1)).toBe("prod");
    expect(new Set(envs).size).toBe(envs.length);
    for (const step of facts.path) {
      expect(ENVIRONMENTS).toContain(step.environment);
      const offered = api.documents.some((d) => d.baseUrls[step.environment] !== undefined);
      if (!offered) expect(step.what, `${id} ${step.environment}`).toMatch(/not (published|available)/);
    }

    // Rate limit: the published figure, or a note saying none is published.
    if (api.rateLimit) expect(facts.rateLimitNote).toBeUndefined();
    expect(rateLimitSummary(api)).toMatch(api.rateLimit ? /nhskit paces each client/ : /^None published/);
  });

  it("knows only catalogue ids", () => {
    expect(findOnboarding("nope")).toBeUndefined();
    expect(findOnboarding("toString")).toBeUndefined();
    expect(() => onboardingFor({ id: "nope" })).toThrow(/No onboarding facts/);
  });

  it("records the processes the APIs' own pages name", () => {
    expect(onboardingFor(getApi("e-rs")).assurance.process).toBe("SCAL");
    expect(onboardingFor(getApi("pds")).assurance.process).toBe("digital-onboarding");
    expect(onboardingFor(getApi("eps")).assurance.process).toBe("own-process");
    expect(onboardingFor(getApi("service-search")).assurance.process).toBe("not-open");
    expect(onboardingFor(getApi("ods-ord")).assurance.process).toBe("none");
    expect(onboardingFor(getApi("data-registers")).assurance.process).toBe("none");
    expect(onboardingFor(getApi("pds")).hscn.need).toBe("smartcards");
    expect(onboardingFor(getApi("mesh")).hscn.need).toBe("no");
  });

  it("builds a checklist: at a glance, access modes, path to production, rules", () => {
    const dos = onboardingChecklist(getApi("dos"));
    expect(dos.map((s) => s.title)).toEqual(["At a glance", "Access modes", "Path to production", "Rules of use"]);
    const rules = dos[3]!.items.map((i) => i.text).join("\n");
    expect(rules).toMatch(/Do not cache/);
    expect(rules).toMatch(/Do not crawl/);
    const pds = onboardingChecklist(getApi("pds"));
    expect(pds.map((s) => s.title)).toEqual(["At a glance", "Access modes", "Path to production"]);
    expect(pds[0]!.items.map((i) => `${i.label}: ${i.text}`)).toEqual([
      expect.stringMatching(/^Assurance: Digital onboarding/),
      expect.stringMatching(/^HSCN: Only for NHS smartcard users/),
      expect.stringMatching(/^Use case or access request: Needed/),
      expect.stringMatching(/^Rate limit: .*5 requests a second per application.*paces each client to 5 a second/),
    ]);
    expect(pds[2]!.items.every((i) => i.step)).toBe(true);
  });
});

describe("published rate limits", () => {
  it.each(catalogue.map((a) => [a.id, a] as const))("%s: a sane fact, or none", (_id, api) => {
    if (!api.rateLimit) return;
    expect(api.rateLimit.perSecond).toBeGreaterThan(0);
    expect(api.rateLimit.note.length).toBeGreaterThan(10);
    for (const [env, n] of Object.entries(api.rateLimit.environments ?? {})) {
      expect(ENVIRONMENTS).toContain(env);
      expect(n).toBeGreaterThan(0);
    }
  });

  it("has PDS at 5 a second and ODS ORD under 5", () => {
    expect(getApi("pds").rateLimit?.perSecond).toBe(5);
    expect(getApi("ods-ord").rateLimit?.perSecond).toBeLessThan(5);
  });

  // Each figure must be one the API's notes state; an API without one must have no figure there to miss.
  const stated: Record<string, RegExp[]> = {
    pds: [/PDS: 5 requests per second per application/],
    "ods-ord": [/below \*\*5 requests per second\*\*/],
    "research-data-catalogue": [/spike arrest 5 requests\/second, quota 300\/minute/],
    "website-content": [/60 req\/min/, /120 req\/min/, /1,200 req\/min/],
    "nhs-app": [/20 requests\/second per application in dev and int/],
    "service-search": [/6,000 requests\/min per application/],
    "ods-fhir": [/5,000 requests per 5 minutes/],
    eps: [/rate limit 20000\/min/],
  };
  it.skipIf(!haveSources)("uses only figures the sources state, and misses none", () => {
    const figure = /\d[\d,]*\s*(requests?|req|calls?|TPS)\s*(\/|per|a|every)\s*(\d+\s*)?(second|minute|min)/i;
    for (const api of catalogue) {
      const text = sources(api.id).replace(/## Published rate limits[\s\S]*?(?=\n## )/, "");
      if (api.rateLimit) {
        const expected = stated[api.id];
        expect(expected, `${api.id}: add where its figure is stated`).toBeDefined();
        const all = api.id === "pds" ? sources("pds") : text;
        for (const re of expected ?? []) expect(all, api.id).toMatch(re);
      } else {
        expect(text, `${api.id} states a rate limit the catalogue does not record`).not.toMatch(figure);
      }
    }
  });
});
