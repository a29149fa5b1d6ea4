// Drives Debian's chromium (playwright-core) over pages of a built site and writes what it saw
// as JSON; tests/test_browser.py serves the site, runs this once and asserts on the JSON.
//
//   node tests/browser/check.mjs CONFIG.json OUT.json
//
// CONFIG: {"base": "http://127.0.0.1:PORT", "chromium": "/usr/bin/chromium",
//          "pages": ["/", ...], "widths": [390, 320],
//          "search": {"path": "/search/", "query": "S-400"},
//          "keyboard": {"path": "/topics/", "within": "svg.map", "maxTabs": 80},
//          "screenshots": {"article": {"path": "/2000/01/…/", "file": "/tmp/x.png", "width": 1000,
//                                      "height": 1100, "selector": null}}}
//
// Per page it records: every request URL (any host but the test server's is a leak), the
// document's scroll width at each narrow width, axe-core's violations in light and dark mode,
// and uncaught script errors. The search entry also records the results of typing the query;
// the keyboard entry what Tab reached inside `within`, how it looked, and where Enter went.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

// playwright-core and axe-core are installed by `npm ci --prefix .ci/node` (.ci/run).
const require = createRequire(new URL("../../.ci/node/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const AXE = require.resolve("axe-core/axe.min.js");

const [configPath, outPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, "utf-8"));
const base = new URL(config.base);

const browser = await chromium.launch({
  executablePath: config.chromium,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Everything a page asks for, from any frame or worker of its context. Requests to other
// hosts are recorded, then aborted: the test must not depend on (or leak to) the network.
async function open(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const seen = { requests: [], errors: [] };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    return url.host === base.host ? route.continue() : route.abort();
  });
  context.on("request", (request) => seen.requests.push(request.url()));
  const page = await context.newPage();
  page.on("pageerror", (error) => seen.errors.push(String(error)));
  return { context, page, seen };
}

async function horizontalOverflow(page, width) {
  await page.setViewportSize({ width, height: 800 });
  return page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    // The elements sticking out, so a failure names what to fix.
    const offenders = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
      .slice(0, 5)
      .map((el) => el.outerHTML.slice(0, 120));
    return { scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth), clientWidth: limit, offenders };
  });
}

async function axe(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 160) })),
  }));
}

async function axeLightAndDark(page) {
  const out = {};
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    out[scheme] = await axe(page);
  }
  return out;
}

async function checkPage(path) {
  const { context, page, seen } = await open(1280, 900);
  const response = await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  const entry = { path, status: response ? response.status() : null, axe: await axeLightAndDark(page), overflow: {} };
  for (const width of config.widths) entry.overflow[width] = await horizontalOverflow(page, width);
  await context.close();
  return { ...entry, ...seen };
}

// Types the query into the search page's own form, as a reader would, and waits for Pagefind.
async function checkSearch({ path, query }) {
  const { context, page, seen } = await open(390, 800);
  await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  await page.getByRole("searchbox").fill(query);
  await page.getByRole("searchbox").press("Enter");
  await page.waitForFunction(() => {
    const text = document.getElementById("search-status").textContent;
    return text && !text.startsWith("Searching");
  }, null, { timeout: 15000 }).catch(() => {});
  const results = await page.$$eval("#search-results li a", (links) =>
    links.map((a) => ({ href: new URL(a.href).pathname, text: a.textContent })));
  const status = await page.textContent("#search-status");
  const entry = { path, query, status, results, url: page.url(), axe: await axeLightAndDark(page) };
  await context.close();
  return { ...entry, ...seen };
}

// Presses Tab from the top of the page, as a keyboard user would, until a link inside
// `within` has the focus; records that link, its look focused and unfocused (Shift+Tab
// moves away, Tab comes back), the name a screen reader gets for it, then presses Enter.
async function checkKeyboard({ path, within, maxTabs }) {
  const { context, page, seen } = await open(1280, 900);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  const look = () => page.evaluate((selector) => {
    const link = window.__mapLink || document.activeElement;
    if (!link || link.tagName.toLowerCase() !== "a" || !link.closest(selector)) return null;
    window.__mapLink = link;
    const shape = link.querySelector("path, circle");
    const style = getComputedStyle(shape);
    return { href: link.getAttribute("href"), title: link.querySelector("title")?.textContent ?? null,
             focused: document.activeElement === link, fill: style.fill, stroke: style.stroke,
             outline: getComputedStyle(link).outlineStyle };
  }, within);
  let focused = null, tabs = 0;
  while (!focused && tabs < maxTabs) {
    await page.keyboard.press("Tab");
    tabs += 1;
    focused = await look();
  }
  const entry = { path, tabs, focused };
  if (focused) {
    const names = await page.getByRole("link", { name: focused.title, exact: true })
      .evaluateAll((links) => links.filter((l) => l === document.activeElement).length);
    entry.nameMatches = names === 1;
    await page.keyboard.press("Shift+Tab");
    entry.unfocused = await look();
    await page.keyboard.press("Tab");
    entry.refocused = (await look())?.focused ?? false;
    await Promise.all([page.waitForURL((url) => url.pathname !== path), page.keyboard.press("Enter")]);
    await page.waitForLoadState("networkidle");
    entry.after = { path: new URL(page.url()).pathname, h1: (await page.textContent("h1"))?.trim() ?? null };
  }
  await context.close();
  return { ...entry, ...seen };
}

// A page (or, with `selector`, one element of it) in light mode, for the README.
async function screenshot({ path, file, width, height, selector }) {
  const { context, page } = await open(width, height);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  await (selector ? page.locator(selector).first() : page).screenshot({ path: file });
  await context.close();
  return { path, file };
}

const report = { chromium: browser.version(), pages: [], screenshots: {} };
try {
  for (const path of config.pages) report.pages.push(await checkPage(path));
  if (config.search) report.search = await checkSearch(config.search);
  if (config.keyboard) report.keyboard = await checkKeyboard(config.keyboard);
  for (const [name, shot] of Object.entries(config.screenshots ?? {})) report.screenshots[name] = await screenshot(shot);
} finally {
  await browser.close();
}
writeFileSync(outPath, JSON.stringify(report, null, 2));
