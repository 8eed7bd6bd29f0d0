// validate_ir.mjs NODE_DIR SCHEMA DOCUMENTS - validates each IR in DOCUMENTS
// (JSON: {file: the IR read from that YAML file}) against the IR's JSON
// Schema with Ajv (JSON Schema 2020-12, strict), installed under NODE_DIR.
// Prints `valid FILE` or `invalid FILE` and Ajv's errors per file; exits 1
// if any is invalid.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const [nodeDir, schemaFile, documentsFile] = process.argv.slice(2);
const Ajv2020 = createRequire(nodeDir + "/package.json")("ajv/dist/2020").default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
let status = 0;
const documents = JSON.parse(readFileSync(documentsFile, "utf8"));
for (const [file, document] of Object.entries(documents)) {
  if (validate(document)) {
    console.log("valid " + file);
  } else {
    console.log("invalid " + file + ": " + JSON.stringify(validate.errors));
    status = 1;
  }
}
process.exit(status);
