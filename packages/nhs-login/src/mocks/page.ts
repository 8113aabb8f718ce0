// The mock identity providers' sign-in page: plain HTML, no scripts, so it works in any browser offline.

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

export interface PageUser {
  value: string;
  label: string;
  detail: string;
  /** Why this user cannot be picked for this request, if they cannot. */
  disabled?: string;
}

export interface SignInPage {
  title: string;
  intro: string;
  action: string;
  hidden: Record<string, string>;
  groups: Array<{ heading: string; users: PageUser[] }>;
}

export function signInPage(page: SignInPage): Response {
  const hidden = Object.entries(page.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n      ");
  const groups = page.groups
    .map(
      (group) => `<section>
      <h2>${escapeHtml(group.heading)}</h2>
      ${group.users
        .map(
          (u) =>
            `<button type="submit" name="user" value="${escapeHtml(u.value)}"${u.disabled ? " disabled" : ""}>` +
            `<strong>${escapeHtml(u.label)}</strong><span>${escapeHtml(u.disabled ?? u.detail)}</span></button>`,
        )
        .join("\n      ")}
    </section>`,
    )
    .join("\n    ");
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(page.title)}</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #212b32; }
    .banner { background: #ffeb3b; padding: .5rem .75rem; font-weight: 600; }
    button { display: block; width: 100%; text-align: left; margin: .5rem 0; padding: .75rem; font: inherit;
      border: 2px solid #005eb8; background: #fff; border-radius: 4px; cursor: pointer; }
    button:disabled { border-color: #aeb7bd; color: #768692; cursor: not-allowed; }
    button span { display: block; font-size: .9rem; }
  </style>
</head>
<body>
  <p class="banner">nhskit mock: TEST ONLY. Nothing here is a real NHS service or a real person.</p>
  <h1>${escapeHtml(page.title)}</h1>
  <p>${escapeHtml(page.intro)}</p>
  <form method="post" action="${escapeHtml(page.action)}">
      ${hidden}
    ${groups}
  </form>
</body>
</html>
`;
  return new Response(html, {
    status: 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
