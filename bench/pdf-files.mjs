/** The PDFs named on a bench's command line: files as given, folders as their *.pdf files in name order. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function pdfFiles(args) {
  return args.flatMap((arg) =>
    statSync(arg).isDirectory()
      ? readdirSync(arg)
          .filter((name) => name.toLowerCase().endsWith('.pdf'))
          .sort()
          .map((name) => join(arg, name))
      : [arg],
  );
}
