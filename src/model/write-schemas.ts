/** `npm run schemas`: regenerate schemas/plan.schema.json from the zod model. */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic.js';
import { planJsonSchemaText } from './json-schema.js';
import { schemaPath } from './validate.js';

await writeFileAtomic(fileURLToPath(schemaPath()), planJsonSchemaText());
process.stdout.write(`wrote ${fileURLToPath(schemaPath())}\n`);
