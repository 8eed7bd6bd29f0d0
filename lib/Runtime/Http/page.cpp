// page.cpp - the page's frame and its script: each form sends its fields as
// a JSON object by parameter name and shows the status and the answer.
// Numbers are sent as the text typed (not through JS numbers), so 64-bit
// integers arrive exact; a field that is not a number is sent as a string
// and the gateway's 400 says what was expected.
#include "Http/page.h"

namespace flowc::gateway {

const std::string_view page_style = R"css(
body { font: 15px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
h3 { font-size: 1em; margin: 0 0 .4em; } small { color: #777; font-weight: normal; }
form.call { border: 1px solid #ddd; border-radius: 6px; padding: .7em; margin: .7em 0; }
label { display: inline-block; margin: 0 1em .4em 0; }
textarea { vertical-align: middle; font-family: monospace; }
output { display: block; white-space: pre-wrap; font-family: monospace; margin-top: .4em; }
output.ok { color: #064; } output.error { color: #a00; }
)css";

const std::string_view page_script = R"js(
"use strict";
function fieldJson(input) {
  const kind = input.dataset.input, v = input.value.trim();
  switch (kind) {
  case "integer": return /^-?[0-9]+$/.test(v) ? v : JSON.stringify(v);
  case "number": return /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(v) ? v : JSON.stringify(v);
  case "boolean": return input.checked ? "true" : "false";
  case "json": return v === "" ? "null" : v;
  default: return JSON.stringify(input.value);
  }
}
// Indents JSON text without parsing its numbers (JS numbers would round
// 64-bit integers).
function indent(text) {
  let out = "", depth = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') { inString = true; out += c; }
    else if (c === "{" || c === "[") { depth++; out += c + "\n" + " ".repeat(depth); }
    else if (c === "}" || c === "]") { depth--; out += "\n" + " ".repeat(depth) + c; }
    else if (c === ",") out += ",\n" + " ".repeat(depth);
    else if (c === ":") out += ": ";
    else out += c;
  }
  return out;
}
async function submit(form) {
  const out = form.querySelector("output");
  const entity = form.dataset.entity, kind = form.dataset.kind;
  // A field for a defaulted argument left empty is not sent (the default applies).
  const fields = [...form.querySelectorAll("[data-input]")].filter(f => f.name !== "key" &&
    !("optional" in f.dataset && f.type !== "checkbox" && f.value.trim() === ""));
  const keyField = form.querySelector("[name=key]");
  const key = keyField ? encodeURIComponent(keyField.value) : "";
  let url = "/v1/" + entity, method = "POST";
  if (kind === "state") { url += "/" + key; method = "GET"; }
  if (kind === "method") url += "/" + key + "/" + form.dataset.method;
  const body = method === "GET" ? undefined :
    "{" + fields.map(f => JSON.stringify(f.name) + ":" + fieldJson(f)).join(",") + "}";
  out.className = ""; out.textContent = "...";
  try {
    const response = await fetch(url, {method, body, headers: {"Content-Type": "application/json"}});
    const text = await response.text();
    const shown = (response.headers.get("Content-Type") || "").includes("json") ? indent(text) : text;
    out.className = response.ok ? "ok" : "error";
    out.textContent = response.status + " " + shown;
  } catch (e) {
    out.className = "error"; out.textContent = String(e);
  }
}
for (const form of document.querySelectorAll("form.call"))
  form.addEventListener("submit", event => { event.preventDefault(); submit(form); });
)js";

std::string page_html(const std::string &sections) {
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
         "<title>flowc gateway</title>\n"
         "<link rel=\"stylesheet\" href=\"/flowc-gateway.css\">\n"
         "<script src=\"/flowc-gateway.js\" defer></script></head>\n"
         "<body><h1>flowc gateway</h1>\n"
         "<p>Every entity type with a form per constructor and method. "
         "The machine-readable form: <a href=\"/openapi.json\">/openapi.json</a>.</p>\n" +
         sections + "</body></html>\n";
}

} // namespace flowc::gateway
