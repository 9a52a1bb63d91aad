/** Regenerate schemas/tables/<table>.schema.json from the table definitions (run after `npm run build`). */
import { fileURLToPath } from 'node:url';
import { writeTableJsonSchemas } from './export.js';

const dir = fileURLToPath(new URL('../../schemas/tables/', import.meta.url));
for (const path of await writeTableJsonSchemas(dir)) process.stdout.write(`wrote ${path}\n`);
