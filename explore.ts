import { launchBrowser, phoneContext } from './tests/support/browser';
(async () => {
  const browser = await launchBrowser();
  const ctx = await phoneContext(browser);
  const page = await ctx.newPage();
  // sign in as the demo seeker who already has a registration
  const res = await fetch('http://127.0.0.1:3000/auth/dev-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'demo-seeker' }) });
  const session = await res.json();
  await page.goto('http://127.0.0.1:10086/');
  await page.evaluate((s) => localStorage.setItem('doorstep.session', JSON.stringify({ data: s })), session);
  await page.goto('http://127.0.0.1:10086/#/pages/registration/mine/index');
  await page.getByText('修改登记').waitFor();
  await page.waitForTimeout(1000);
  console.log(await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight, bodyH: document.body.scrollHeight, pages: Array.from(document.querySelectorAll('.taro_page')).map((p) => [p.className, getComputedStyle(p).overflowY, p.scrollHeight, p.clientHeight, getComputedStyle(p).transform]) })));
  const btn = page.getByText('修改登记');
  console.log(await btn.boundingBox());
  await page.screenshot({ path: '/tmp/m1.png', fullPage: true });
  await browser.close();
})();
