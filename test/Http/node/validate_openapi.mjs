// validate_openapi.mjs FILE - exits 0 when FILE is a valid OpenAPI 3.1
// document (@seriousme/openapi-schema-validator, the official JSON schemas)
// whose every component schema is a valid JSON Schema 2020-12 (Ajv: the
// OpenAPI validator does not look inside schemas) and every `default` in
// them fits its schema, else prints the errors and exits 1.
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";

const validator = new Validator();
const result = await validator.validate(JSON.parse(readFileSync(process.argv[2], "utf8")));
if (!result.valid || validator.version !== "3.1") {
  console.error("invalid OpenAPI document (version " + validator.version + "):");
  console.error(JSON.stringify(result.errors, null, 1));
  process.exit(1);
}
const doc = JSON.parse(readFileSync(process.argv[2], "utf8"));
const ajv = new Ajv2020({ strict: false });
ajv.addSchema({ $id: "doc", components: doc.components, paths: doc.paths });
// Every schema: the components, and those of each request and response.
const pointer = parts => "doc#/" + parts.map(p => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const schemas = Object.keys(doc.components.schemas).map(n => ["components", "schemas", n]);
for (const [path, item] of Object.entries(doc.paths))
  for (const [verb, op] of Object.entries(item)) {
    if (op.requestBody)
      schemas.push(["paths", path, verb, "requestBody", "content", "application/json", "schema"]);
    for (const [code, response] of Object.entries(op.responses))
      if (response.content)
        schemas.push(["paths", path, verb, "responses", code, "content", "application/json", "schema"]);
  }
for (const parts of schemas) {
  try {
    ajv.compile({ $ref: pointer(parts) });
  } catch (e) {
    console.error("schema " + parts.join(" ") + ": " + e.message);
    process.exit(1);
  }
}
// Every `default` (a default argument's value) fits the schema it annotates.
let defaults = 0;
const visit = (node, parts) => {
  if (node === null || typeof node !== "object")
    return;
  if (!Array.isArray(node) && "default" in node && (parts.includes("schema") || parts[0] === "components")) {
    const check = ajv.compile({ $ref: pointer(parts) });
    if (!check(node.default)) {
      console.error("default " + JSON.stringify(node.default) + " at " + parts.join(" ") +
                    " does not fit its schema: " + JSON.stringify(check.errors));
      process.exit(1);
    }
    ++defaults;
  }
  for (const [key, child] of Object.entries(node))
    visit(child, [...parts, key]);
};
visit({ components: doc.components, paths: doc.paths }, []);
console.log("valid OpenAPI " + validator.version + ", " + schemas.length + " valid JSON schemas, " +
            defaults + " defaults that fit them");
