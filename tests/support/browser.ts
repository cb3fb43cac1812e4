// Debian's Chromium driven by playwright-core at a phone's size, and helpers for Taro's H5 widgets.
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Download, type Locator, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SCREENSHOTS = join(__dirname, '..', 'e2e', 'screenshots');
export const PHONE = { width: 375, height: 812 };

function chromiumOptions() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: run npm run system-deps`);
  return {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  };
}

/** One Chromium for the whole run (tests/support/sharedStack.ts): suites connect to it and open their own contexts. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(chromiumOptions());
}

/** The run's Chromium (`TEST_BROWSER_WS`), or one of this process's own when there is none. Closing it closes only this suite's contexts. */
export async function launchBrowser(): Promise<Browser> {
  const ws = process.env.TEST_BROWSER_WS;
  return ws ? chromium.connect(ws) : chromium.launch(chromiumOptions());
}

export async function phoneContext(browser: Browser, geolocation = { latitude: 26.0845, longitude: 119.2962 }): Promise<BrowserContext> {
  return browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation,
    permissions: ['geolocation'],
  });
}

/** A phone whose H5 app signs in as `openid` (the dev login of the local and test stages). */
export async function phoneOf(browser: Browser, openid: string, geolocation?: { latitude: number; longitude: number }): Promise<Page> {
  const context = await phoneContext(browser, geolocation);
  await context.addInitScript((id) => localStorage.setItem('doorstep.h5-device-id', JSON.stringify({ data: id })), openid);
  return context.newPage();
}

/** Waits until nothing on the page is moving (Taro's H5 slides pages in; pickers slide up). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
}

/**
 * The whole current page as a person would scroll through it. Taro's H5 pages scroll inside
 * their own container, so the window is made as tall as the content for the picture.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await settled(page);
  const height = await page.evaluate(() => {
    const shown = document.querySelector('.taro_page_show:not(.taro_page_shade)');
    return Math.max(shown?.scrollHeight ?? 0, document.documentElement.scrollHeight);
  });
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, Math.ceil(height)) });
  await page.screenshot({ path });
  await page.setViewportSize(PHONE);
  return path;
}

/** The page a person sees now (Taro's H5 keeps earlier pages of the stack hidden in the DOM). */
export function shown(page: Page): Locator {
  return page.locator('.taro_page_show:not(.taro_page_shade)').last();
}

/** The field (label, control, hint, error) whose label starts with `label`. */
export function field(page: Page, label: string): Locator {
  return page.locator('.form-field').filter({ has: page.locator('.form-field__label', { hasText: label }) }).first();
}

export async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = field(page, label).locator('input, textarea').first();
  await input.fill(value);
}

/** Opens the picker of a row and waits until its sheet has finished sliding up. */
export async function openPicker(page: Page, row: Locator): Promise<Locator> {
  // A row shows 正在加载… and stays disabled until its options have arrived.
  await row.locator('.choice-picker__row:not(.choice-picker__row--disabled)').click();
  const group = page.locator('.weui-picker__group:visible').first();
  await group.waitFor();
  let box = await group.boundingBox();
  for (let i = 0; i < 100 && (!box || box.y + box.height > PHONE.height + 1); i += 1) {
    await page.waitForTimeout(50);
    box = await group.boundingBox();
  }
  const confirm = page.locator('.weui-picker__action:visible', { hasText: '确定' });
  await confirm.waitFor();
  return group;
}

/** Taps 确定 and waits for the row to show the choice. */
export async function confirmPicker(page: Page, row: Locator, option?: string): Promise<void> {
  await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click({ force: true });
  await row.locator('.choice-picker__value', option ? { hasText: option } : {}).waitFor();
  await page.locator('.weui-picker__group:visible').first().waitFor({ state: 'hidden' }); // the sheet has slid away
}

/**
 * Opens a Taro picker row and chooses `option` the way a finger does: by dragging the wheel.
 * (Taro's H5 wheel moves 34 px a line and takes its value from where the drag ends.)
 */
export async function pick(page: Page, row: Locator, option: string): Promise<void> {
  const group = await openPicker(page, row);
  const labels = await group.locator('.weui-picker__item').allTextContents();
  const target = labels.indexOf(option);
  if (target < 0) throw new Error(`"${option}" is not among ${labels.join(', ')}`);
  const box = (await group.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const content = group.locator('.weui-picker__content');
  const selectedIndex = async () => {
    const transform = await content.evaluate((el) => getComputedStyle(el).transform);
    return Math.round((102 - (transform === 'none' ? 102 : Number(transform.split(',')[5]?.replace(')', '')))) / 34);
  };
  // The wheel only listens while the pointer stays over it: move at most three lines a drag.
  for (let current = await selectedIndex(), tries = 0; current !== target && tries < 60; current = await selectedIndex(), tries += 1) {
    const lines = Math.max(-3, Math.min(3, target - current));
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - lines * 34, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(50);
  }
  await confirmPicker(page, row, option);
}

/** An AreaPicker row (`row`: its form field) set level by level to 鼓东街道's first community, as a finger would. */
export async function pickGudongCommunity(page: Page, row: Locator): Promise<void> {
  const level = (n: number) => row.locator('.area-picker__level').nth(n);
  for (const [n, name] of ['福建省', '福州市', '鼓楼区', '鼓东街道'].entries()) await pick(page, level(n), name);
  await openPicker(page, level(4));
  await confirmPicker(page, level(4));
}

/**
 * The text of a file the page downloaded, as the person would open it (without a byte-order mark).
 * Read through a stream: a browser shared over a websocket keeps its files on its own side.
 */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

/** Things any page must get right on a phone: no sideways scrolling, tap targets at least 44 px tall. */
export async function layoutProblems(page: Page): Promise<string[]> {
  await settled(page);
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    // Chromium can report the scroll width of an earlier layout (seen here: 472 px at double text
    // size, with no element past the edge, after a photo loaded): lay the page out afresh first,
    // so only what really lies past the edge counts.
    if (document.documentElement.scrollWidth > width + 1) {
      const display = document.body.style.display;
      document.body.style.display = 'none';
      void document.body.offsetHeight;
      document.body.style.display = display;
    }
    if (document.documentElement.scrollWidth > width + 1) {
      // Name what widens the page, whatever the mechanism (a box, text, a pseudo-element, a
      // transform): hide each child in turn and follow the one whose hiding ends the overflow.
      const name = (el: Element) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
      const overflows = () => document.documentElement.scrollWidth > width + 1;
      const path: string[] = [];
      for (let el: Element | undefined = document.body; el; ) {
        let culprit: Element | undefined;
        for (const child of Array.from(el.children) as HTMLElement[]) {
          const display = child.style.display;
          child.style.display = 'none';
          const gone = !overflows();
          child.style.display = display;
          if (gone) {
            culprit = child;
            break;
          }
        }
        if (!culprit) path.push(`${name(el)}: right ${Math.round(el.getBoundingClientRect().right)}, scrollWidth ${el.scrollWidth}`);
        el = culprit;
      }
      for (const el of Array.from(document.documentElement.children)) if (el !== document.body && el !== document.head) path.push(`outside body: ${name(el)}`);
      path.push(`after the search: ${document.documentElement.scrollWidth}`);
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width} (${path.join('; ')})`);
    }
    for (const el of Array.from(document.querySelectorAll('taro-button-core, button, .choice-picker__row, .toggle'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height < 44) problems.push(`tap target "${(el.textContent ?? '').trim()}" is ${Math.round(r.height)} px tall`);
      if (r.right > width + 1) problems.push(`"${(el.textContent ?? '').trim()}" sticks out of the screen`);
    }
    return problems;
  });
}

/**
 * Layout problems with double-size text (关怀模式), with a screenshot. Taro's H5 sizes everything
 * in rem from the root font size, so doubling it doubles the text (a stylesheet rule, because
 * Taro rewrites the inline size whenever the window resizes).
 */
export async function largeTextProblems(page: Page, shot: string): Promise<string[]> {
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const style = await page.addStyleTag({ content: `html { font-size: ${size * 2}px !important; }` });
  // Lay the app out afresh at that size, as it is for a person whose text is large from the start:
  // Chromium can keep the scroll width of the old layout after the root size changes under a
  // loaded page (seen here: 404 px, gone at the next full layout, nothing drawn past the edge).
  await page.evaluate(() => {
    const app = document.body.firstElementChild as HTMLElement | null;
    if (!app) return;
    const display = app.style.display;
    app.style.display = 'none';
    void app.offsetHeight;
    app.style.display = display;
  });
  const problems = await layoutProblems(page);
  await screenshot(page, shot);
  await style.evaluate((el) => (el as HTMLElement).remove());
  return problems;
}

/**
 * What a person using 关怀模式 would run into on the page shown now: no sideways scrolling, tap
 * targets at least `minTap` px tall, the text really 1.5× (the page's body text at least 25 px),
 * no two pieces of text or controls on top of each other, and every control reachable — once
 * scrolled to, it is what a finger at its centre touches. With a screenshot.
 */
export async function careModeProblems(page: Page, shot: string, minTap = 54): Promise<string[]> {
  const problems = (await layoutProblems(page)).filter((p) => !p.startsWith('tap target'));
  problems.push(
    ...(await page.evaluate((min) => {
      const found: string[] = [];
      const root = document.querySelector('.taro_page_show:not(.taro_page_shade)') ?? document.body;
      const frame = root.querySelector('.page');
      const size = frame ? parseFloat(getComputedStyle(frame).fontSize) : 0;
      if (!frame?.classList.contains('page--care') || size < 25) found.push(`care mode not applied: .page ${frame?.className ?? 'missing'}, ${size}px text`);
      const label = (el: Element) => `"${(el.textContent ?? '').trim().slice(0, 16)}"`;
      const visible = (el: Element) => {
        for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
          const s = getComputedStyle(e);
          // Sheets and dialogs float over the page on purpose: they are checked when open.
          if (s.display === 'none' || s.visibility === 'hidden' || s.position === 'fixed') return false;
        }
        return true;
      };
      const controls = Array.from(root.querySelectorAll('taro-button-core, button, .toggle, .choice-picker__row, [role="checkbox"], [role="button"], input, textarea')).filter(visible);
      for (const el of controls) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && r.height < min && !el.matches('input, textarea')) found.push(`tap target ${label(el)} is ${Math.round(r.height)} px tall`);
      }
      // Every piece of text, line by line, and every control.
      const pieces = Array.from(root.querySelectorAll('*'))
        .filter((el) => visible(el) && (el.matches('taro-button-core, button, .toggle, .choice-picker__row, input, textarea') || Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim())))
        .map((el) => ({ el, rects: Array.from(el.getClientRects()).filter((r) => r.width > 1 && r.height > 1) }));
      for (let i = 0; i < pieces.length; i += 1) {
        for (let j = i + 1; j < pieces.length; j += 1) {
          const a = pieces[i];
          const b = pieces[j];
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const hit = a.rects.some((ra) => b.rects.some((rb) => Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 2 && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 2));
          if (hit) found.push(`${label(a.el)} overlaps ${label(b.el)}`);
        }
      }
      for (const el of controls) {
        (el as HTMLElement).scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!top || !(el === top || el.contains(top) || top.contains(el))) found.push(`${label(el)} cannot be reached: ${top ? label(top) : 'nothing'} is on top`);
      }
      (root.querySelector('.page') as HTMLElement | null)?.scrollIntoView({ block: 'start' });
      return found;
    }, minTap)),
  );
  await screenshot(page, shot);
  return problems;
}
