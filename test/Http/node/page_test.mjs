// page_test.mjs URL - drives the gateway's page in Debian's headless Chromium
// (puppeteer-core): creates an entity, calls a method, reads the state and
// sees the errors for bad arguments; every request stays on the gateway.
import puppeteer from "puppeteer-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.argv[2];
const profile = mkdtempSync(join(tmpdir(), "http-page-chromium-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         `--user-data-dir=${profile}`],
});
let failed = 0;
function check(ok, what) {
  if (!ok) { failed++; console.error("FAIL: " + what); }
}
try {
  const page = await browser.newPage();
  const foreign = [];
  page.on("request", r => { if (!r.url().startsWith(base)) foreign.push(r.url()); });
  await page.goto(base + "/", { waitUntil: "networkidle0" });

  // Fills the form of `selector` (name -> value; a boolean ticks a checkbox),
  // submits it and returns its output once the answer is shown.
  async function submit(selector, values) {
    const form = await page.$(selector);
    check(form !== null, "form " + selector);
    for (const [name, value] of Object.entries(values)) {
      const field = await form.$(`[name="${name}"]`);
      await field.evaluate(f => { f.value = ""; });
      await field.type(String(value));
    }
    await form.$eval("output", o => { o.textContent = ""; });
    await (await form.$("button")).click();
    await page.waitForFunction(f => { const t = f.querySelector("output").textContent;
                                      return t !== "" && t !== "..."; }, {}, form);
    return form.$eval("output", o => ({ text: o.textContent, cls: o.className }));
  }
  const account = 'section[data-entity="bank.Account"]';
  let out = await submit(`${account} form[data-kind="create"]`, { owner: "erin", balance: 50 });
  check(out.text.startsWith("201") && out.text.includes('"erin"') && out.cls === "ok",
        "create answered 201: " + out.text);
  // The balance (`= 0`) left empty is not sent: the default applies.
  out = await submit(`${account} form[data-kind="create"]`, { owner: "fay", balance: "" });
  check(out.text.startsWith("201") && out.text.includes('"fay"'), "create without the default: " + out.text);
  out = await submit(`${account} form[data-kind="state"]`, { key: "fay" });
  check(out.text.includes('"balance_": 0'), "the default balance: " + out.text);
  check(await page.$eval(`${account} form[data-kind="create"] [name="balance"]`,
                         f => !f.required && f.placeholder === "0"), "the balance field shows its default");
  out = await submit(`${account} form[data-method="deposit"]`, { key: "erin", amount: "9007199254740993" });
  check(out.text.startsWith("200") && out.text.includes("9007199254741043"),
        "deposit exact to 64 bits: " + out.text);
  out = await submit(`${account} form[data-method="paint"]`, { key: "erin" });
  check(out.text.startsWith("200"), "paint with the enum's list: " + out.text);
  out = await submit(`${account} form[data-kind="state"]`, { key: "erin" });
  check(out.text.startsWith("200") && out.text.includes('"balance_": 9007199254741043'),
        "state shown: " + out.text);
  out = await submit(`${account} form[data-method="deposit"]`, { key: "erin", amount: "99999999999999999999" });
  check(out.text.startsWith("400") && out.text.includes("argument 'amount'") && out.cls === "error",
        "a bad argument shows its error: " + out.text);
  out = await submit(`${account} form[data-method="deposit"]`, { key: "erin", amount: -3 });
  check(out.text.startsWith("422") && out.text.includes("must be positive") && out.cls === "error",
        "a method that throws shows 422: " + out.text);
  out = await submit(`${account} form[data-method="add_shape"]`, { key: "erin", shape: '{"name": 1}' });
  check(out.text.startsWith("400") && out.text.includes("shape"), "JSON field error: " + out.text);
  check(foreign.length === 0, "requests to other sites: " + foreign.join(", "));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failed) { console.error(failed + " page check(s) failed"); process.exit(1); }
console.log("page checks passed");
