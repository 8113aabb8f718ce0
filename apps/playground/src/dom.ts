type Attrs = Record<string, string | boolean | number | EventListener | undefined>;
type Child = Node | string | null | undefined | false;

/** A tiny element builder: h("button", { onclick, "data-testid": "send" }, "Send"). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** Collapsible pretty JSON: objects and arrays become <details>, open to a depth. */
export function jsonTree(value: unknown, openDepth = 2, depth = 0, key?: string): Node {
  const label = key === undefined ? "" : `${key}: `;
  if (value === null || typeof value !== "object") {
    return h(
      "div",
      { class: "leaf" },
      h("span", { class: "key" }, label),
      h("span", { class: `v ${typeof value}` }, JSON.stringify(value)),
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  return h(
    "details",
    { open: depth < openDepth },
    h("summary", {}, h("span", { class: "key" }, label), summary),
    ...entries.map(([k, v]) => jsonTree(v, openDepth, depth + 1, k)),
  );
}
