import { describe, expect, it } from "vitest";
import { HELD, syncReadmes } from "../../../tooling/going-live/src/readmes.js";
import { END, goingLiveBlock, START, syncReadme } from "../../../tooling/going-live/src/render.js";
import { getApi } from "../src/index.js";

// Every API package's README carries a "Going live" section generated from the onboarding facts; a fact
// changed without re-running tooling/going-live (or a hand-edited block) fails here.
describe("README Going live sections", () => {
  it("are present and match the catalogue in every API package", () => {
    const results = syncReadmes({ write: false });
    expect(results).toHaveLength(19);
    const wrong = results.filter((r) => r.status !== "current" && r.status !== "held");
    expect(wrong, "run `pnpm exec tsx tooling/going-live/src/cli.ts`").toEqual([]);
    for (const r of results.filter((r) => r.status === "held")) expect(HELD).toContain(r.packageName);
  });

  const pds = getApi("pds");
  const readme = "# @nhskit/pds\n\nIntro.\n\n## Operations\n\nThings.\n\n## Errors\n\nTable.\n";

  it("adds a missing block before ## Errors, then finds it current", () => {
    const added = syncReadme(readme, pds);
    expect(added.status).toBe("added");
    expect(added.text.indexOf(START)).toBeGreaterThan(added.text.indexOf("## Operations"));
    expect(added.text.indexOf(END)).toBeLessThan(added.text.indexOf("## Errors"));
    expect(syncReadme(added.text, pds)).toEqual({ text: added.text, status: "current" });
  });

  it("replaces a stale block and leaves the rest alone", () => {
    const stale = readme.replace("## Errors", `${START}\n## Going live\n\nOld text.\n${END}\n\n## Errors`);
    const { text, status } = syncReadme(stale, pds);
    expect(status).toBe("updated");
    expect(text).not.toContain("Old text.");
    expect(text).toBe(readme.replace("## Errors", `${goingLiveBlock(pds)}\n\n## Errors`));
  });

  it("refuses a README with one marker only", () => {
    expect(() => syncReadme(`${readme}\n${START}\n`, pds)).toThrow(/must both be there/);
  });

  it("says what onboarding takes, where to start and the rate limit", () => {
    const block = goingLiveBlock(pds);
    expect(block).toContain("## Going live");
    expect(block).toContain("**Assurance:** Digital onboarding");
    expect(block).toContain("**Rate limit:**");
    expect(block).toContain('- [ ] **Production (`environment: "prod"`):**');
    expect(block).toContain("`pnpm nhskit onboarding pds`");
    // "<kid>" sits in a code span; outside one, "<" is escaped so Markdown does not read a tag.
    expect(block).toContain("`pnpm nhskit keys generate --kid <kid>`");
    expect(goingLiveBlock(getApi("dos"))).toMatch(/\*\*Rules of use\*\*\n\n- Do not cache/);
  });
});
