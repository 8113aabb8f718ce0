import type { ContentPage } from "./types.js";

/** The NHS attribution logo the API names in every page's `author.logo`. */
export const NHS_ATTRIBUTION_LOGO = "https://assets.nhs.uk/nhsuk-cms/images/nhs-attribution.width-510.png";

export interface Attribution {
  /** The page on www.nhs.uk the content came from: link the logo to it. */
  href: string;
  /** The attribution logo to show next to the content. */
  logo: string;
  /** Alternative text for the logo. */
  alt: string;
  /** A ready-made HTML snippet: the logo linked to the original page. */
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * What to show with syndicated content: the NHS attribution logo, linked to the original page on
 * www.nhs.uk (the page's `webpage`, or its API `url` mapped back to the website).
 */
export function attribution(page: ContentPage): Attribution {
  const fromApi = (url: string | undefined) =>
    url?.replace(/^https:\/\/[^/]+\/nhs-website-content\//, "https://www.nhs.uk/") ?? "https://www.nhs.uk/";
  const href = typeof page.webpage === "string" && page.webpage ? page.webpage : fromApi(page.url);
  const logo = typeof page.author?.logo === "string" && page.author.logo ? page.author.logo : NHS_ATTRIBUTION_LOGO;
  const alt = "Content supplied by the NHS website";
  return {
    href,
    logo,
    alt,
    html: `<a href="${escapeHtml(href)}"><img src="${escapeHtml(logo)}" alt="${alt}" width="250" height="49"></a>`,
  };
}
