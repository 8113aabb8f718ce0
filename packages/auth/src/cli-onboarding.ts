import {
  type ApiEntry,
  type ChecklistItem,
  catalogue,
  onboardingChecklist,
  onboardingFor,
  rateLimitSummary,
} from "@nhskit/catalogue";

/** The catalogue entry for an id (`pds`) or a package name (`@nhskit/pds`). */
export function findCatalogueApi(name: string): ApiEntry | undefined {
  const id = name.toLowerCase().replace(/^@nhskit\//, "");
  return catalogue.find((api) => api.id === id);
}

/**
 * Word-wraps `text` to `width` columns; every line starts with `indent`, later ones with `hang` as well. A code
 * span in backticks is never split.
 */
function wrap(text: string, indent: string, hang = "", width = 100): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.match(/\S*`[^`]*`\S*|\S+/g) ?? []) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + hang;
    }
    line += line.trim() ? ` ${word}` : word;
  }
  if (line.trim()) lines.push(line);
  return lines;
}

function itemLines(item: ChecklistItem): string[] {
  const box = item.step ? "[ ] " : item.details?.length ? "" : "- ";
  const text = item.label ? `${item.label}: ${item.text}` : item.text;
  return [
    ...wrap(`${box}${text}`, "  ", " ".repeat(box.length)),
    ...(item.details ?? []).flatMap((d) => wrap(`- ${d}`, "    ", "  ")),
  ];
}

/** The going-live checklist for one API, as terminal text. */
export function onboardingText(api: ApiEntry): string {
  const sections = onboardingChecklist(api).flatMap((section) => [
    "",
    section.title,
    ...section.items.flatMap(itemLines),
  ]);
  return [
    `Going live with the ${api.name} (${api.id}, ${api.packageName})`,
    "NHS England's catalogue page has the final word:",
    `  ${api.docsUrl}`,
    ...sections,
  ].join("\n");
}

/** The same facts as JSON, for scripts. */
export function onboardingJson(api: ApiEntry): string {
  const { assurance, hscn, approval, accessModes, path, rules } = onboardingFor(api);
  return JSON.stringify(
    {
      id: api.id,
      name: api.name,
      packageName: api.packageName,
      docsUrl: api.docsUrl,
      rateLimit: { ...(api.rateLimit ?? {}), summary: rateLimitSummary(api) },
      assurance,
      hscn,
      approval,
      accessModes,
      path,
      rules: rules ?? [],
    },
    null,
    2,
  );
}
