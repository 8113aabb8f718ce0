import { type ApiDocument, type ApiEntry, catalogue, onboardingChecklist } from "@nhskit/catalogue";
import {
  baseUrlFor,
  type CallRecord,
  type Credentials,
  LOCAL_ORIGIN_DEFAULT,
  runCall,
  type TargetKind,
} from "./call.js";
import { type FormValues, prepare } from "./checks.js";
import { h, jsonTree } from "./dom.js";
import { listOperations, type Operation, skeleton } from "./operations.js";
import { prefillFor } from "./prefills.js";
import { handleCallbackPage, signInPanel } from "./signin.js";
import { snippet } from "./snippet.js";
import { hasSpec, loadSpec, type OpenApiDocument } from "./specs.js";

// ?sandbox=http://127.0.0.1:9100 points the local target elsewhere (the e2e tests use a free port).
const localOrigin = new URLSearchParams(location.search).get("sandbox") ?? LOCAL_ORIGIN_DEFAULT;

interface HistoryEntry {
  api: ApiEntry;
  doc: ApiDocument;
  op: Operation;
  values: FormValues;
  target: TargetKind;
  record: CallRecord;
}

const state: {
  api?: ApiEntry;
  doc?: ApiDocument;
  spec?: OpenApiDocument;
  op?: Operation;
  target: TargetKind;
  credentials: Credentials;
  filter: string;
  history: HistoryEntry[];
} = { target: "local", credentials: { kind: "none" }, filter: "", history: [] };

const app = document.getElementById("app")!;
const listPane = h("nav", { class: "catalogue", "aria-label": "APIs" });
const apiPane = h(
  "section",
  { class: "api", "data-testid": "api-pane" },
  h("p", { class: "muted" }, "Pick an API on the left."),
);
const historyPane = h("aside", { class: "history", "aria-label": "History" });
app.replaceChildren(listPane, apiPane, historyPane);

function badge(text: string, kind = text) {
  return h("span", { class: `badge ${kind}` }, text);
}

function renderCatalogue() {
  const search = h("input", {
    type: "search",
    placeholder: "Search APIs",
    value: state.filter,
    "data-testid": "api-search",
    oninput: (e: Event) => {
      state.filter = (e.target as HTMLInputElement).value;
      renderList();
    },
  });
  const list = h("ul", { class: "api-list" });
  const renderList = () => {
    const q = state.filter.toLowerCase();
    list.replaceChildren(
      ...catalogue
        .filter((api) => !q || `${api.name} ${api.id} ${api.tags.join(" ")}`.toLowerCase().includes(q))
        .map((api) =>
          h(
            "li",
            { class: api === state.api ? "selected" : "" },
            h(
              "button",
              { "data-testid": `api-${api.id}`, onclick: () => void selectApi(api) },
              h("strong", {}, api.name),
              h("span", { class: "meta" }, badge(api.status), ...api.auth.map((a) => badge(a, "auth"))),
            ),
            h("a", { href: api.docsUrl, target: "_blank", rel: "noreferrer", class: "docs" }, "docs"),
          ),
        ),
    );
  };
  renderList();
  listPane.replaceChildren(h("h2", {}, "APIs"), search, list);
}

async function selectApi(api: ApiEntry, doc: ApiDocument = api.documents[0], opKey?: string) {
  state.api = api;
  state.doc = doc;
  state.op = undefined;
  state.credentials = { kind: "none" };
  location.hash = `#${api.id}${doc.name !== api.documents[0].name ? `/${doc.name}` : ""}`;
  renderCatalogue();
  if (!hasSpec(api.id, doc.specFile)) {
    apiPane.replaceChildren(
      h("h2", {}, api.name),
      h("p", {}, `No ${doc.specFile} yet for this API.`),
      renderOnboarding(api),
    );
    return;
  }
  state.spec = await loadSpec(api.id, doc.specFile);
  const ops = listOperations(state.spec);
  state.op = ops.find((o) => o.key === opKey) ?? ops[0];
  renderApi(ops);
}

// Going-live checklist beside each API, from the catalogue's onboarding facts. Whether it is open and which
// steps were ticked survive re-renders (in this page's memory only).
const onboardingState = { open: false, ticked: new Set<string>() };

/** Text with its `code` spans as <code> elements. */
function withCode(text: string): Array<Node | string> {
  return text.split("`").map((part, i) => (i % 2 === 1 ? h("code", {}, part) : part));
}

function renderOnboarding(api: ApiEntry): HTMLElement {
  const sections = onboardingChecklist(api).flatMap((section) => [
    h("h4", {}, section.title),
    h(
      "ul",
      {},
      ...section.items.map((item, i) => {
        const key = `${api.id} ${section.title} ${i}`;
        const head = item.label
          ? [h("strong", {}, ...withCode(item.label), ": "), ...withCode(item.text)]
          : item.details?.length
            ? [h("strong", {}, ...withCode(item.text))]
            : withCode(item.text);
        const label = item.step
          ? h(
              "label",
              {},
              h("input", {
                type: "checkbox",
                checked: onboardingState.ticked.has(key),
                onchange: (e: Event) => {
                  if ((e.target as HTMLInputElement).checked) onboardingState.ticked.add(key);
                  else onboardingState.ticked.delete(key);
                },
              }),
              " ",
              ...head,
            )
          : h("span", {}, ...head);
        const details = item.details?.length
          ? h("ul", {}, ...item.details.map((d) => h("li", {}, ...withCode(d))))
          : null;
        return h("li", {}, label, details);
      }),
    ),
  ]);
  return h(
    "details",
    {
      class: "onboarding",
      "data-testid": "onboarding",
      // The stylesheet's details rule is for the JSON tree; this is prose.
      style: "margin-left: 0; font-family: inherit; font-size: 0.9rem",
      open: onboardingState.open,
      ontoggle: (e: Event) => {
        onboardingState.open = (e.target as HTMLDetailsElement).open;
      },
    },
    h("summary", {}, "Going live: onboarding checklist"),
    ...sections,
    h(
      "p",
      { class: "muted" },
      "From nhskit's catalogue (also ",
      h("code", {}, `pnpm nhskit onboarding ${api.id}`),
      "); NHS England's ",
      h("a", { href: api.docsUrl, target: "_blank", rel: "noreferrer" }, "catalogue page"),
      " has the final word.",
    ),
  );
}

function renderTarget(): HTMLElement {
  const doc = state.doc!;
  const options = (["local", "sandbox", "int", "prod"] as const).map((target) => {
    const { url, reason } = baseUrlFor(doc, target, localOrigin);
    const label = { local: "Local sandbox", sandbox: "NHS hosted sandbox", int: "Integration", prod: "Production" }[
      target
    ];
    return h(
      "label",
      { title: url ?? reason ?? "" },
      h("input", {
        type: "radio",
        name: "target",
        value: target,
        "data-testid": `target-${target}`,
        checked: state.target === target,
        disabled: !url,
        onchange: () => {
          state.target = target;
          renderApi(listOperations(state.spec!));
        },
      }),
      ` ${label}`,
      url ? "" : h("small", { class: "muted" }, ` (${reason})`),
    );
  });
  const { url } = baseUrlFor(doc, state.target, localOrigin);
  return h(
    "fieldset",
    { class: "target" },
    h("legend", {}, "Target"),
    ...options,
    h("div", { class: "muted", "data-testid": "base-url" }, url ?? ""),
  );
}

function renderCredentials(): HTMLElement {
  const api = state.api!;
  const kinds: Array<[Credentials["kind"], string]> = [["none", "None (sandboxes)"]];
  if (api.auth.includes("api-key")) kinds.push(["api-key", "API key"]);
  if (api.auth.includes("basic")) kinds.push(["basic", "Basic (user name and password)"]);
  if (api.auth.some((a) => ["signed-jwt", "cis2", "nhs-login"].includes(a))) kinds.push(["bearer", "Bearer token"]);
  const fields = h("div", { class: "cred-fields" });
  const secret = (name: string, testid: string, onInput: (v: string) => void, type = "password") =>
    h(
      "label",
      {},
      `${name} `,
      h("input", {
        type,
        autocomplete: "off",
        spellcheck: "false",
        "data-testid": testid,
        oninput: (e: Event) => onInput((e.target as HTMLInputElement).value),
      }),
    );
  const renderFields = () => {
    const c = state.credentials;
    fields.replaceChildren(
      ...(c.kind === "api-key"
        ? [secret("API key", "cred-api-key", (v) => (c.key = v))]
        : c.kind === "basic"
          ? [
              secret("User name", "cred-username", (v) => (c.username = v), "text"),
              secret("Password", "cred-password", (v) => (c.password = v)),
            ]
          : c.kind === "bearer"
            ? [secret("Access token", "cred-token", (v) => (c.token = v))]
            : []),
    );
  };
  const select = h(
    "select",
    {
      "data-testid": "cred-kind",
      onchange: (e: Event) => {
        const kind = (e.target as HTMLSelectElement).value as Credentials["kind"];
        state.credentials =
          kind === "api-key"
            ? { kind, key: "" }
            : kind === "basic"
              ? { kind, username: "", password: "" }
              : kind === "bearer"
                ? { kind, token: "" }
                : { kind: "none" };
        renderFields();
      },
    },
    ...kinds.map(([k, label]) => h("option", { value: k, selected: state.credentials.kind === k }, label)),
  );
  renderFields();
  return h(
    "fieldset",
    { class: "credentials" },
    h("legend", {}, "Credentials"),
    select,
    fields,
    h(
      "p",
      { class: "muted" },
      "Held in this page's memory only: never stored, logged or put in the URL. Masked in the request view.",
    ),
  );
}

function renderApi(ops: Operation[]) {
  const api = state.api!;
  const docPicker =
    api.documents.length > 1
      ? h(
          "select",
          {
            "data-testid": "document",
            onchange: (e: Event) =>
              void selectApi(api, api.documents.find((d) => d.name === (e.target as HTMLSelectElement).value)!),
          },
          ...api.documents.map((d) => h("option", { value: d.name, selected: d === state.doc }, d.title)),
        )
      : null;
  const opPicker = h(
    "select",
    {
      "data-testid": "operation",
      onchange: (e: Event) => {
        state.op = ops.find((o) => o.key === (e.target as HTMLSelectElement).value);
        renderApi(ops);
      },
    },
    ...ops.map((o) => h("option", { value: o.key, selected: o === state.op }, `${o.key}  (${o.operationId})`)),
  );
  apiPane.replaceChildren(
    h("h2", {}, api.name, " ", badge(api.status)),
    api.statusNote ? h("p", { class: "note" }, api.statusNote) : "",
    renderOnboarding(api),
    docPicker ?? "",
    renderTarget(),
    renderCredentials(),
    api.id === "nhs-login" && state.target === "local"
      ? signInPanel(baseUrlFor(state.doc!, "local", localOrigin).url!)
      : "",
    h("label", { class: "op-picker" }, "Operation ", opPicker),
    state.op ? renderForm(state.op) : h("p", {}, "This document has no operations."),
  );
}

function renderForm(op: Operation, values?: FormValues): HTMLElement {
  const api = state.api!;
  const prefill = prefillFor(api.id, op.key);
  const form: FormValues = values ?? {
    path: { ...prefill?.path },
    query: { ...prefill?.query },
    header: { ...prefill?.header },
    body:
      prefill?.body !== undefined
        ? JSON.stringify(prefill.body, null, 2)
        : op.body
          ? JSON.stringify(skeleton(state.spec!, op.body.schema), null, 2)
          : "",
  };
  const rows = op.params.map((param) =>
    h(
      "label",
      { class: `param ${param.managed ? "managed" : ""}` },
      h(
        "span",
        {},
        `${param.name}${param.required && !param.managed ? " *" : ""}`,
        h("small", { class: "muted" }, ` ${param.in}, ${param.type}${param.managed ? ", sent by nhskit" : ""}`),
      ),
      param.enum
        ? h(
            "select",
            {
              "data-testid": `param-${param.in}-${param.name}`,
              onchange: (e: Event) => (form[param.in][param.name] = (e.target as HTMLSelectElement).value),
            },
            h("option", { value: "" }, "—"),
            ...param.enum.map((v) => h("option", { value: v, selected: form[param.in][param.name] === v }, v)),
          )
        : h("input", {
            value: form[param.in][param.name] ?? "",
            required: param.required && !param.managed,
            "data-testid": `param-${param.in}-${param.name}`,
            oninput: (e: Event) => (form[param.in][param.name] = (e.target as HTMLInputElement).value),
          }),
    ),
  );
  const bodyEditor = op.body
    ? h(
        "label",
        { class: "body" },
        h("span", {}, `Body (${op.body.contentType})${op.body.required ? " *" : ""}`),
        h(
          "textarea",
          {
            rows: 12,
            spellcheck: "false",
            "data-testid": "body",
            oninput: (e: Event) => (form.body = (e.target as HTMLTextAreaElement).value),
          },
          form.body,
        ),
      )
    : null;
  const errors = h("ul", { class: "errors", "data-testid": "input-errors" });
  const result = h("div", { class: "result", "data-testid": "result" });
  const send = h("button", { class: "send", "data-testid": "send", type: "submit" }, `Send ${op.method}`);
  return h(
    "form",
    {
      class: "op-form",
      // Our own checks (the clients' checks) explain problems better than the browser's bubbles.
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        void submit(op, form, errors, result, send);
      },
    },
    h("p", { class: "muted" }, "* required. Fields marked “sent by nhskit” are filled in by the client."),
    ...rows,
    bodyEditor,
    errors,
    send,
    result,
  );
}

async function submit(
  op: Operation,
  form: FormValues,
  errors: HTMLElement,
  result: HTMLElement,
  send: HTMLButtonElement,
) {
  const api = state.api!;
  const doc = state.doc!;
  const { prepared, errors: problems } = prepare(api, op, form);
  errors.replaceChildren(...problems.map((p) => h("li", {}, p)));
  if (!prepared) {
    result.replaceChildren(h("p", { class: "error" }, "Not sent: fix the input above."));
    return;
  }
  const { url } = baseUrlFor(doc, state.target, localOrigin);
  if (!url) return;
  send.disabled = true;
  result.replaceChildren(h("p", { class: "muted" }, "Sending…"));
  const record = await runCall(api, doc, op, prepared, url, state.credentials);
  send.disabled = false;
  renderResult(result, record, snippet(api, doc.name, op, prepared, state.target));
  state.history.unshift({ api, doc, op, values: structuredClone(form), target: state.target, record });
  renderHistory();
}

function headerTable(headers: Record<string, string>, testid: string) {
  return h(
    "table",
    { class: "headers", "data-testid": testid },
    ...Object.entries(headers).map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, v))),
  );
}

function renderResult(result: HTMLElement, record: CallRecord, code: string) {
  const copy = h("button", { type: "button", onclick: () => void navigator.clipboard?.writeText(code) }, "Copy");
  const parts: Array<Node | null> = [
    record.request
      ? h(
          "section",
          {},
          h("h3", {}, "Request"),
          h("code", { "data-testid": "request-line" }, `${record.request.method} ${record.request.url}`),
          headerTable(record.request.headers, "request-headers"),
        )
      : h("p", { class: "muted" }, "Nothing was sent."),
    record.status !== undefined
      ? h(
          "section",
          {},
          h(
            "h3",
            {},
            "Response ",
            h(
              "span",
              { class: `status s${Math.floor(record.status / 100)}`, "data-testid": "status" },
              `${record.status} ${record.statusText ?? ""}`,
            ),
            h("small", { class: "muted", "data-testid": "time" }, ` ${record.ms} ms`),
          ),
          headerTable(record.responseHeaders ?? {}, "response-headers"),
        )
      : null,
    record.error
      ? h(
          "section",
          { class: `typed-error ${record.error.blocked ? "blocked" : ""}`, "data-testid": "typed-error" },
          h("h3", {}, record.error.name),
          record.error.code
            ? h("p", {}, h("strong", {}, "Code: "), h("code", { "data-testid": "error-code" }, record.error.code))
            : null,
          record.error.diagnostics ? h("p", {}, h("strong", {}, "Diagnostics: "), record.error.diagnostics) : null,
          record.error.hint ? h("p", {}, h("strong", {}, "What to do: "), record.error.hint) : null,
          h("p", { class: "message" }, record.error.message),
        )
      : null,
    record.body !== undefined
      ? h("section", { "data-testid": "body-view" }, h("h3", {}, "Body"), jsonTree(record.body))
      : null,
    h(
      "section",
      { class: "snippet" },
      h("h3", {}, "The same call in code ", copy),
      h("pre", { "data-testid": "snippet" }, code),
    ),
  ];
  result.replaceChildren(...parts.filter((p): p is Node => p !== null));
}

function renderHistory() {
  historyPane.replaceChildren(
    h("h2", {}, "History"),
    h(
      "ol",
      { "data-testid": "history" },
      ...state.history.map((entry) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              title: "Replay",
              onclick: async () => {
                state.target = entry.target;
                await selectApi(entry.api, entry.doc, entry.op.key);
                const form = renderForm(entry.op, structuredClone(entry.values));
                apiPane.querySelector(".op-form")?.replaceWith(form);
                (form.querySelector("[data-testid=send]") as HTMLButtonElement).click();
              },
            },
            `${entry.api.id} ${entry.op.key} → ${entry.record.status ?? entry.record.error?.name ?? "?"}`,
          ),
        ),
      ),
    ),
  );
}

if (!handleCallbackPage()) start();

function start() {
  renderCatalogue();
  renderHistory();
  const [initialId, initialDoc] = location.hash.slice(1).split("/");
  const initial = catalogue.find((a) => a.id === initialId);
  if (initial) void selectApi(initial, initial.documents.find((d) => d.name === initialDoc) ?? initial.documents[0]);
}
