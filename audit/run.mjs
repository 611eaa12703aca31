#!/usr/bin/env node
// The browser audit of built redress sites.
//
//   node audit/run.mjs [--no-vnu] [--verbose] [--gallery] SITE_DIR...
//
// For every .html file under each SITE_DIR, served from a small static HTTP server on 127.0.0.1 that this script
// starts, it opens the page in Debian's Chromium (through playwright-core, with a fresh temporary profile) and checks:
//
// - axe-core at 320 x 800 and at 1280 x 900: every rule tagged WCAG 2.0, 2.1 or 2.2 A or AA, two WCAG-tagged rules
//   axe still calls experimental (td-has-header and table-fake-caption: without them a table with no headers
//   passes), and the best-practice rules about headings and landmarks (one h1, heading order, content inside
//   landmarks, landmarks told apart by name), which issue 5 asks for too;
// - reflow (WCAG 1.4.10): no horizontal page scroll at 320 px;
// - chart text no smaller than body text, at both widths;
// - text resize (WCAG 1.4.4): no horizontal page scroll at 1280 px with the root font size at 200%;
// - nothing fixed or sticky that could cover the focused element (WCAG 2.4.11);
// - no request to any host but the local server (nothing third-party, nothing fetched from elsewhere);
// - no script error;
// - readable without JavaScript: with JavaScript off the page has exactly one h1 and a main with text in it;
// - the page-weight budget (see BUDGET below);
// - and, unless --no-vnu, the Nu HTML checker (vnu.jar from the vnu-jar package, run with java) on every page:
//   any error fails.
//
// With --gallery, the folders are component galleries (see GALLERY_RULES_OFF below), not sites.
//
// It prints one line per page and viewport, the details of each failure, and a summary; it exits 1 when anything
// failed, 2 when it could not run. Environment: CHROMIUM (default /usr/bin/chromium), AUDIT_JOBS (pages audited
// at once, default 3).

import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));

// What axe runs. The tags are the WCAG 2.0, 2.1 and 2.2 A and AA rules.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Rules enabled by name on top of the tags: WCAG rules axe marks experimental (and so leaves out of a tag run), and
// the best-practice rules behind "one h1, an ordered outline, landmarks" in issue 5. Left out on purpose:
// p-as-heading (experimental; it takes the large bold headline figures on the home page for headings, and they are
// not headings).
const AXE_EXTRA_RULES = [
  'td-has-header',
  'table-fake-caption',
  'page-has-heading-one',
  'heading-order',
  'empty-heading',
  'empty-table-header',
  'landmark-one-main',
  'landmark-no-duplicate-main',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-banner-is-top-level',
  'landmark-contentinfo-is-top-level',
  'landmark-main-is-top-level',
  'landmark-unique',
  'region',
  'scope-attr-valid',
  'skip-link',
];

// The rules turned off for a component gallery (--gallery) and only there. `region` asks that all content sit in a
// landmark: a component shown alone on a gallery page need not be in one (a site's pages put them in main, and the
// audit of the example and stress sites keeps the rule), and the error overlay is appended to the body by its
// script, outside main, as it is on any page the preview server serves. govuk-frontend turns off `region` for its
// components shown alone for the same reason (shared/helpers/puppeteer.js).
const GALLERY_RULES_OFF = ['region'];

const VIEWPORTS = [
  { name: '320', width: 320, height: 800 },
  { name: '1280', width: 1280, height: 900 },
];

// The page-weight budget, in bytes, uncompressed, as the files lie on disk.
// - one HTML page: 400 KB. The whole report on one page is the largest (about 170 KB for the example, with every
//   provision and table); 400 KB leaves room for charts and for a long self-assessment, and still loads in a few
//   seconds on a slow mobile connection once a host compresses it (HTML compresses about 8 to 1).
// - all the site's CSS and JavaScript together: 60 KB. Every page loads the same stylesheets; the one script is a
//   small enhancement. A theme that grows past this should be split, not shipped whole to every phone.
const BUDGET = { htmlPage: 400 * 1024, cssAndJs: 60 * 1024 };

// As shared/crates.md and the machine notes give them: without the background-networking flags Chromium tries to
// reach Google's hosts, which this machine's closed network refuses. playwright-core's launch() starts Chromium
// with a new, empty, temporary --user-data-dir of its own each time and deletes it afterwards.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

function usage(message) {
  if (message) console.error(`audit: ${message}`);
  console.error('usage: node audit/run.mjs [--no-vnu] [--verbose] [--gallery] SITE_DIR...');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { vnu: true, verbose: false, gallery: false, dirs: [] };
  for (const a of argv) {
    if (a === '--no-vnu') opts.vnu = false;
    else if (a === '--verbose' || a === '-v') opts.verbose = true;
    else if (a === '--gallery') opts.gallery = true;
    else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else opts.dirs.push(resolve(a));
  }
  if (opts.dirs.length === 0) usage('no site folder given');
  for (const d of opts.dirs) {
    if (!existsSync(d) || !statSync(d).isDirectory()) usage(`${d} is not a folder`);
  }
  return opts;
}

/** Every file under `dir`, sorted, as paths relative to it with `/` separators. */
function walk(dir) {
  const out = [];
  const visit = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  visit(dir);
  return out;
}

/** A static file server for `dir` on 127.0.0.1, on a free port. */
function serve(dir) {
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(dir, `.${path}`);
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

function short(text, n = 160) {
  const t = String(text).replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** Runs `jobs` async functions, `limit` at a time, keeping their order in the result. */
async function pool(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

// ---- Checks run in the page ---------------------------------------------------------------------------------

// No horizontal scroll: the document is no wider than the window.
const pageWidth = () => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
});

// The widest elements sticking out of the window, to say what causes a horizontal scroll.
const overflowingElements = () => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 1 && r.width > 0) {
      // Skip children of an element already listed, and content clipped by a scrolling box (that is allowed). An
      // absolutely positioned element is clipped by a scrolling ancestor only when its containing block (the nearest
      // positioned ancestor) is that box or inside it; a fixed one never is.
      const position = getComputedStyle(el).position;
      let clipped = position !== 'absolute' && position !== 'fixed';
      let p = el.parentElement;
      let inside = false;
      while (p) {
        const s = getComputedStyle(p);
        if (position === 'absolute' && s.position !== 'static') clipped = true;
        if (out.some((o) => o.el === p) || (clipped && ['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX))) {
          inside = true;
          break;
        }
        p = p.parentElement;
      }
      if (!inside) out.push({ el, right: Math.round(r.right) });
    }
  }
  return out.slice(0, 5).map(({ el, right }) => {
    const cls = el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (right edge ${right}px)`;
  });
};

// Chart text no smaller than body text (WCAG 1.4.4 in spirit; issue 4): redress draws each chart at the size it is
// read at, so the smallest text of every chart on show, as drawn on screen, must match a plain paragraph's.
const chartText = () => {
  // A plain paragraph: not a caption, a lead paragraph or anything else with its own size.
  const para = [...document.querySelectorAll('main p:not([class])')].find((p) => !p.closest('.rd-lead, [class*="rd-chart"]'));
  if (!para) return [];
  const body = parseFloat(getComputedStyle(para).fontSize);
  const out = [];
  for (const svg of document.querySelectorAll('svg.rd-chart__svg')) {
    const width = svg.getBoundingClientRect().width;
    if (width === 0 || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) continue;
    const scale = width / svg.viewBox.baseVal.width;
    let min = Infinity;
    for (const t of svg.querySelectorAll('text')) min = Math.min(min, parseFloat(t.getAttribute('font-size')) * scale);
    if (min < body - 0.1) {
      const where = svg.closest('[id]')?.id ?? 'a chart';
      out.push(`#${where}: its smallest text is ${min.toFixed(1)}px, smaller than the ${body}px body text`);
    }
  }
  return out;
};

// Fixed or sticky elements can hide the focused element (WCAG 2.4.11); the theme has none.
const stuckElements = () => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const p = getComputedStyle(el).position;
    if (p === 'fixed' || p === 'sticky') out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} (${p})`);
  }
  return out.slice(0, 5);
};

// What a reader without JavaScript gets.
const structure = () => ({
  h1: document.querySelectorAll('h1').length,
  main: document.querySelectorAll('main, [role="main"]').length,
  mainText: (document.querySelector('main, [role="main"]')?.textContent ?? '').replace(/\s+/g, ' ').trim().length,
});

// ---- One page -----------------------------------------------------------------------------------------------

/** Lets the page load only from the local server (and data: or blob: URLs); any other request is blocked and
 * listed, once, in the returned array. */
async function guard(page, origin) {
  const outside = [];
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(`${origin}/`) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    const s = short(u, 120);
    if (!outside.includes(s)) outside.push(s);
    return route.abort();
  });
  return outside;
}

/** Audits one page in one context (one viewport); returns a list of failure strings and a count of axe items to
 * review by hand. */
async function auditPage(context, url, viewport, axeSource, origin, rulesOff) {
  const failures = [];
  const page = await context.newPage();
  const outside = await guard(page, origin);
  const errors = [];
  page.on('pageerror', (e) => errors.push(short(e.message)));
  page.on('console', (m) => {
    // A request this script blocked (see guard) is reported as a third-party request, not again as an error.
    if (m.type() === 'error' && !m.text().includes('net::ERR_FAILED')) errors.push(short(m.text()));
  });
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (!response || !response.ok()) failures.push(`http: ${response ? response.status() : 'no response'} for the page`);
    // The theme's wide tables show a scroll shadow drawn with background gradients, and axe cannot measure text
    // contrast over a gradient: it would leave every table cell "to review". Flatten the gradient to the white it
    // sits on, so axe measures the text in tables too (the shadow only darkens 12px at an edge with more table
    // beyond it).
    await page.addStyleTag({ content: '.rd-table-wrap { background-image: none !important; }' });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(
      async ({ tags, extra, off }) => {
        const rules = Object.fromEntries(extra.map((id) => [id, { enabled: true }]));
        for (const id of off) rules[id] = { enabled: false };
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          rules,
          resultTypes: ['violations', 'incomplete'],
        });
        const slim = (list) =>
          list.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
          }));
        return { violations: slim(r.violations), incomplete: slim(r.incomplete) };
      },
      { tags: AXE_TAGS, extra: AXE_EXTRA_RULES, off: rulesOff },
    );
    for (const v of result.violations) {
      failures.push(`axe ${v.id} (${v.impact}): ${v.help}, ${v.nodes.length} element(s)`);
      for (const n of v.nodes.slice(0, 3)) {
        failures.push(`    at ${short(n.target, 120)}: ${short(n.html, 140)}`);
        if (n.summary) failures.push(`      ${short(n.summary, 200)}`);
      }
    }
    const review = result.incomplete;
    for (const c of await page.evaluate(chartText)) failures.push(`chart text: ${c}`);

    if (viewport.width <= 320) {
      const w = await page.evaluate(pageWidth);
      if (w.scrollWidth > w.innerWidth) {
        failures.push(`reflow: the page scrolls sideways at ${w.innerWidth}px (it is ${w.scrollWidth}px wide)`);
        for (const e of await page.evaluate(overflowingElements)) failures.push(`    too wide: ${e}`);
      }
    } else {
      // Text only at 200% (WCAG 1.4.4): nothing may force a sideways scroll at the wide viewport.
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const w = await page.evaluate(pageWidth);
      if (w.scrollWidth > w.innerWidth) {
        failures.push(`text resize: with text at 200% the page scrolls sideways (${w.scrollWidth}px in ${w.innerWidth}px)`);
        for (const e of await page.evaluate(overflowingElements)) failures.push(`    too wide: ${e}`);
      }
    }
    for (const s of await page.evaluate(stuckElements)) {
      failures.push(`focus not obscured: ${s} can cover the focused element`);
    }
    for (const e of errors) failures.push(`script error: ${e}`);
    for (const r of outside) failures.push(`third-party request: ${r}`);
    return { failures, review };
  } catch (e) {
    failures.push(`could not audit: ${short(e.message, 300)}`);
    return { failures, review: [] };
  } finally {
    await page.close();
  }
}

/** Loads the page with JavaScript off: it must still have its h1 and its main text. */
async function auditNoScript(context, url, origin) {
  const failures = [];
  const page = await context.newPage();
  const outside = await guard(page, origin);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    for (const r of outside) failures.push(`third-party request: ${r}`);
    const s = await page.evaluate(structure);
    if (s.h1 !== 1) failures.push(`no JavaScript: ${s.h1} h1 elements (expected exactly 1)`);
    if (s.main !== 1) failures.push(`no JavaScript: ${s.main} main elements (expected exactly 1)`);
    else if (s.mainText < 20) failures.push(`no JavaScript: main holds only ${s.mainText} characters of text`);
  } catch (e) {
    failures.push(`could not load without JavaScript: ${short(e.message, 300)}`);
  } finally {
    await page.close();
  }
  return failures;
}

// ---- Nu HTML checker ----------------------------------------------------------------------------------------

function runVnu(dirs, pagesByDir) {
  const jar = join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  if (!existsSync(jar)) {
    console.error(`audit: ${jar} is missing; run npm ci --prefix audit`);
    process.exit(2);
  }
  const files = dirs.flatMap((d) => pagesByDir.get(d).map((p) => join(d, p)));
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) {
    console.error(`audit: could not run java: ${run.error.message}`);
    process.exit(2);
  }
  let messages;
  try {
    messages = JSON.parse(run.stderr || run.stdout).messages;
  } catch {
    console.error(`audit: the Nu HTML checker did not answer in JSON:\n${run.stderr}${run.stdout}`);
    process.exit(2);
  }
  const byFile = new Map(files.map((f) => [f, []]));
  for (const m of messages) {
    if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
    const f = m.url ? fileURLToPath(m.url) : '(unknown file)';
    if (!byFile.has(f)) byFile.set(f, []);
    byFile.get(f).push(m);
  }
  return byFile;
}

// ---- Main ---------------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.error(`audit: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM)`);
    process.exit(2);
  }
  const jobs = Math.max(1, Number(process.env.AUDIT_JOBS) || 3);
  const rulesOff = opts.gallery ? GALLERY_RULES_OFF : [];
  if (opts.gallery) console.log(`component gallery: axe rule(s) off: ${rulesOff.join(', ')}`);

  let passed = 0;
  let failed = 0;
  let reviewTotal = 0;
  const pagesByDir = new Map();
  const failuresSeen = [];
  const report = (label, failures, note = '') => {
    if (failures.length === 0) {
      passed += 1;
      console.log(`ok    ${label}${note}`);
    } else {
      failed += 1;
      console.log(`FAIL  ${label}${note}`);
      for (const f of failures) console.log(`      ${f}`);
      failuresSeen.push(label);
    }
  };

  // launch() gives Chromium a fresh, throwaway profile: nothing from another run (cache, storage) can change what
  // a page shows.
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  const started = Date.now();
  try {
    for (const dir of opts.dirs) {
      const files = walk(dir);
      const pages = files.filter((f) => f.endsWith('.html'));
      pagesByDir.set(dir, pages);
      const rel = relative(process.cwd(), dir);
      const name = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
      console.log(`\n== ${name}: ${pages.length} pages`);
      if (pages.length === 0) {
        report(`${name}: no HTML pages`, ['nothing to audit']);
        continue;
      }

      // Budget, from the files as built.
      const budget = [];
      for (const p of pages) {
        const size = statSync(join(dir, p)).size;
        if (size > BUDGET.htmlPage) budget.push(`${p} is ${(size / 1024).toFixed(1)} KB (budget ${BUDGET.htmlPage / 1024} KB a page)`);
      }
      const assets = files.filter((f) => /\.(css|js|mjs)$/.test(f));
      const assetBytes = assets.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
      if (assetBytes > BUDGET.cssAndJs) {
        budget.push(`CSS and JavaScript total ${(assetBytes / 1024).toFixed(1)} KB (budget ${BUDGET.cssAndJs / 1024} KB): ${assets.join(', ')}`);
      }
      const largest = pages.map((p) => [p, statSync(join(dir, p)).size]).sort((a, b) => b[1] - a[1])[0];
      report(
        `${name} page weight`,
        budget,
        ` (largest page ${largest[0]} ${(largest[1] / 1024).toFixed(1)} KB; CSS+JS ${(assetBytes / 1024).toFixed(1)} KB in ${assets.length} files)`,
      );

      const server = await serve(dir);
      const origin = `http://127.0.0.1:${server.address().port}`;
      try {
        const contexts = [];
        for (const vp of VIEWPORTS) {
          const context = await browser.newContext({
            viewport: { width: vp.width, height: vp.height },
            reducedMotion: 'reduce',
          });
          contexts.push([vp, context]);
        }
        const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });

        const tasks = [];
        for (const p of pages) {
          for (const [vp, context] of contexts) {
            tasks.push(async () => ({ label: `${name}/${p} @${vp.name}px`, ...(await auditPage(context, `${origin}/${p}`, vp, axeSource, origin, rulesOff)) }));
          }
          tasks.push(async () => ({ label: `${name}/${p} without JavaScript`, failures: await auditNoScript(noScript, `${origin}/${p}`, origin), review: [] }));
        }
        const results = await pool(tasks, jobs);
        for (const r of results) {
          reviewTotal += r.review.length;
          const note = r.review.length ? ` (${r.review.length} axe rule(s) to review by hand: ${r.review.map((v) => v.id).join(', ')})` : '';
          report(r.label, r.failures, opts.verbose ? note : '');
        }
        for (const [, c] of contexts) await c.close();
        await noScript.close();
      } finally {
        server.close();
      }
    }
  } finally {
    await browser.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nbrowser: ${passed} passed, ${failed} failed (${seconds} s; axe left ${reviewTotal} item(s) for review by hand${opts.verbose ? '' : ', --verbose lists them'})`);

  let vnuFailed = 0;
  if (opts.vnu) {
    console.log('\n== Nu HTML checker');
    const vnuStart = Date.now();
    const byFile = runVnu(opts.dirs, pagesByDir);
    let vnuPassed = 0;
    for (const [file, msgs] of byFile) {
      const rel = relative(process.cwd(), file);
      const label = rel.startsWith('..') ? file : rel;
      if (msgs.length === 0) {
        vnuPassed += 1;
        if (opts.verbose) console.log(`ok    ${label}`);
        continue;
      }
      vnuFailed += 1;
      console.log(`FAIL  ${label}: ${msgs.length} error(s)`);
      for (const m of msgs.slice(0, 10)) {
        console.log(`      line ${m.lastLine ?? '?'}: ${short(m.message, 200)}${m.extract ? ` [${short(m.extract, 80)}]` : ''}`);
      }
    }
    console.log(`vnu: ${vnuPassed} passed, ${vnuFailed} failed (${((Date.now() - vnuStart) / 1000).toFixed(1)} s)`);
  }

  const ok = failed === 0 && vnuFailed === 0;
  console.log(ok ? '\naudit passed' : `\naudit FAILED: ${failed + vnuFailed} failing check(s)`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(`audit: ${e.stack || e}`);
  process.exit(2);
});
