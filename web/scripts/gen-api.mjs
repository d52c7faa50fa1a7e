// Generates the API client's types from the OpenAPI document the C++ route
// table writes (openapi.json, made by `bhxh openapi` in scripts/web.sh), so
// the console cannot drift from the API.
import fs from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const spec = JSON.parse(fs.readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
const ast = await openapiTS(spec);
const header = '// Generated from openapi.json by scripts/gen-api.mjs. Do not edit.\n';
fs.writeFileSync(new URL('../src/api/schema.d.ts', import.meta.url), header + astToString(ast));
console.log('src/api/schema.d.ts: ' + Object.keys(spec.paths).length + ' paths');
