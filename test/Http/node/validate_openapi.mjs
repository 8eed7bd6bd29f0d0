// validate_openapi.mjs FILE - exits 0 when FILE is a valid OpenAPI 3.1
// document (@seriousme/openapi-schema-validator, the official JSON schemas),
// else prints the errors and exits 1.
import { Validator } from "@seriousme/openapi-schema-validator";
import { readFileSync } from "node:fs";

const validator = new Validator();
const result = await validator.validate(JSON.parse(readFileSync(process.argv[2], "utf8")));
if (!result.valid || validator.version !== "3.1") {
  console.error("invalid OpenAPI document (version " + validator.version + "):");
  console.error(JSON.stringify(result.errors, null, 1));
  process.exit(1);
}
console.log("valid OpenAPI " + validator.version);
