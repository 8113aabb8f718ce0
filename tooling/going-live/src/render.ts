// The "Going live" section of each API package's README, generated from the catalogue's onboarding facts.
import { type ApiEntry, type ChecklistItem, onboardingChecklist } from "../../../packages/catalogue/src/index.js";

export const START = "<!-- going-live:start -->";
export const END = "<!-- going-live:end -->";

/** `<` outside code spans would be read as HTML by Markdown renderers. */
function escapeHtml(text: string): string {
  return text
    .split("`")
    .map((part, i) => (i % 2 === 1 ? part : part.replaceAll("<", "&lt;")))
    .join("`");
}

function line(item: ChecklistItem): string {
  const box = item.step ? "[ ] " : "";
  const text = escapeHtml(item.text);
  // A labelled line ("Assurance: ..."), an access mode heading its needs, or a plain line.
  const head = item.label ? `**${escapeHtml(item.label)}:** ${text}` : item.details?.length ? `**${text}**` : text;
  const details = (item.details ?? []).map((d) => `\n  - ${escapeHtml(d)}`).join("");
  return `- ${box}${head}${details}`;
}

/** The whole marked block, markers included, for one API. */
export function goingLiveBlock(api: ApiEntry): string {
  const sections = onboardingChecklist(api).map(
    (section) => `**${section.title}**\n\n${section.items.map(line).join("\n")}`,
  );
  return [
    START,
    "## Going live",
    "",
    "<!-- Generated from the catalogue's onboarding facts (packages/catalogue/src/onboarding.ts) by tooling/going-live: change the facts there, then run `pnpm exec tsx tooling/going-live/src/cli.ts`. -->",
    "",
    `What NHS England asks before the ${api.name} is used for real, as nhskit's catalogue records it ` +
      `(\`pnpm nhskit onboarding ${api.id}\` prints the same checklist). The API's ` +
      `[catalogue page](${api.docsUrl}) has the final word.`,
    "",
    sections.join("\n\n"),
    END,
  ].join("\n");
}

export type SyncStatus = "current" | "updated" | "added";

/**
 * The README with its block brought up to date: replaced between the markers, or added before "## Errors"
 * (the end of the file if there is none) when the README has no block yet.
 */
export function syncReadme(readme: string, api: ApiEntry): { text: string; status: SyncStatus } {
  const block = goingLiveBlock(api);
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 && end === -1) {
    const errors = readme.search(/^## Errors\b/m);
    const text =
      errors === -1
        ? `${readme.trimEnd()}\n\n${block}\n`
        : `${readme.slice(0, errors)}${block}\n\n${readme.slice(errors)}`;
    return { text, status: "added" };
  }
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`${api.packageName} README: "${START}" and "${END}" must both be there, in that order.`);
  }
  const text = readme.slice(0, start) + block + readme.slice(end + END.length);
  return { text, status: text === readme ? "current" : "updated" };
}
