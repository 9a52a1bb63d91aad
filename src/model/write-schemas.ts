/** `npm run schemas`: regenerate schemas/plan.schema.json from the zod model, and the plan validator compiled from it. */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic.js';
import { planJsonSchemaText } from './json-schema.js';
import { schemaPath, validatorPath } from './validate.js';
import { planValidatorSource } from './validator-source.js';

const schemaText = planJsonSchemaText();
await writeFileAtomic(fileURLToPath(schemaPath()), schemaText);
process.stdout.write(`wrote ${fileURLToPath(schemaPath())}\n`);
await writeFileAtomic(fileURLToPath(validatorPath()), planValidatorSource(schemaText));
process.stdout.write(`wrote ${fileURLToPath(validatorPath())}\n`);
