/**
 * Structure descriptions generated from the table definitions (tables.ts):
 * - CSVW `<table>.schema.json` and `<table>.schema.csv` in the 835-rec layout;
 * - Frictionless `datapackage.json` (Table Schemas with constraints, primary and foreign keys);
 * - JSON Schema (draft-07) of each table's JSON file (`schemas/tables/<table>.schema.json`).
 */
import { LICENSES } from './ckan.js';
import { stringify } from 'csv-stringify/sync';
import { DEFAULT_NULL_VALUE, toJson } from './serialize.js';
import { tableByName, type ColumnDef, type ColumnType, type TableDef } from './tables.js';

export const CSVW_CONTEXT = { '@context': 'http://www.w3.org/ns/csvw', '@language': 'uk' } as const;

/** CSVW structure description in the 835-rec layout (+ `url`, `foreignKeys`, and `null` when not the default). */
export function csvwSchema(table: TableDef, options: { nullValue?: string } = {}): Record<string, unknown> {
  const nullValue = options.nullValue ?? DEFAULT_NULL_VALUE;
  const tableSchema: Record<string, unknown> = {
    columns: table.columns.map((c) => ({
      name: c.name,
      title: c.title,
      description: c.description,
      datatype: c.type,
      required: c.required,
    })),
  };
  if (nullValue !== DEFAULT_NULL_VALUE) tableSchema.null = nullValue;
  const schema: Record<string, unknown> = {
    context: { ...CSVW_CONTEXT },
    url: `${table.file}.csv`,
    tableSchema,
    primaryKey: table.primaryKey,
  };
  if (table.foreignKeys.length) {
    schema.foreignKeys = table.foreignKeys.map((fk) => ({
      columnReference: fk.column,
      reference: { resource: `${tableByName(fk.table).file}.csv`, columnReference: fk.references },
    }));
  }
  return schema;
}

/** `<table>.schema.json` text: 4-space indent as the 835-rec files, trailing line break. */
export function csvwSchemaJson(table: TableDef, options: { nullValue?: string } = {}): string {
  return `${JSON.stringify(csvwSchema(table, options), null, 4)}\n`;
}

/** `<table>.schema.csv` text: `name,title,description,datatype,required` with True/False, as 835-rec. */
export function csvwSchemaCsv(table: TableDef): string {
  const rows = [
    ['name', 'title', 'description', 'datatype', 'required'],
    ...table.columns.map((c) => [c.name, c.title, c.description, c.type, c.required ? 'True' : 'False']),
  ];
  return stringify(rows, { record_delimiter: 'unix', eof: true });
}

const FRICTIONLESS_TYPE: Record<ColumnType, string> = {
  string: 'string',
  date: 'date',
  integer: 'integer',
  boolean: 'boolean',
  anyURL: 'string',
};

function frictionlessField(c: ColumnDef): Record<string, unknown> {
  const field: Record<string, unknown> = {
    name: c.name,
    title: c.title,
    description: c.description,
    type: FRICTIONLESS_TYPE[c.type],
  };
  if (c.type === 'anyURL') field.format = 'uri';
  if (c.type === 'date') field.format = 'default';
  if (c.type === 'boolean') {
    field.trueValues = ['true'];
    field.falseValues = ['false'];
  }
  const constraints: Record<string, unknown> = { required: c.required };
  if (c.type === 'string' && c.pattern) constraints.pattern = c.pattern;
  if (c.enum) constraints.enum = [...c.enum];
  if (c.maxLength !== undefined) constraints.maxLength = c.maxLength;
  if (c.type === 'integer') constraints.minimum = 0;
  field.constraints = constraints;
  return field;
}

/** Frictionless Table Schema of a table. */
export function tableSchema(table: TableDef, options: { nullValue?: string } = {}): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    fields: table.columns.map(frictionlessField),
    missingValues: [options.nullValue ?? DEFAULT_NULL_VALUE],
    primaryKey: [table.primaryKey],
  };
  if (table.foreignKeys.length) {
    schema.foreignKeys = table.foreignKeys.map((fk) => ({
      fields: [fk.column],
      reference: { resource: tableByName(fk.table).resource, fields: [fk.references] },
    }));
  }
  return schema;
}

export interface DataPackageOptions {
  tables: readonly TableDef[];
  format: 'csv' | 'json';
  nullValue?: string;
  excel?: boolean;
  name: string;
  title: string;
  /** Licence id (a key of LICENSES), written as `licenses`. */
  license?: string;
  description?: string | null;
  keywords?: readonly string[];
  homepage?: string | null;
  publisherName?: string | null;
  contactPointName?: string | null;
  contactPointEmail?: string | null;
}

/** A Frictionless resource name: lower case letters, digits, `-`, `_`, `.`. */
export function frictionlessName(value: string): string {
  const name = value
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'dataset';
}

/** `datapackage.json` content (Frictionless tabular data package). */
export function dataPackage(options: DataPackageOptions): Record<string, unknown> {
  const pkg: Record<string, unknown> = {
    profile: 'tabular-data-package',
    name: frictionlessName(options.name),
    title: options.title,
  };
  if (options.description) pkg.description = options.description;
  if (options.keywords?.length) pkg.keywords = [...options.keywords];
  if (options.homepage) pkg.homepage = options.homepage;
  const license = options.license ? LICENSES[options.license] : undefined;
  if (license && options.license) pkg.licenses = [{ name: options.license, path: license.path, title: license.title }];
  const contributors: Record<string, unknown>[] = [];
  if (options.publisherName) contributors.push({ title: options.publisherName, role: 'publisher' });
  if (options.contactPointName) {
    const c: Record<string, unknown> = { title: options.contactPointName, role: 'maintainer' };
    if (options.contactPointEmail) c.email = options.contactPointEmail;
    contributors.push(c);
  }
  if (contributors.length) pkg.contributors = contributors;
  pkg.resources = options.tables.map((table) => {
    const resource: Record<string, unknown> = {
      name: table.resource,
      path: `${table.file}.${options.format}`,
      profile: 'tabular-data-resource',
      title: table.title,
      description: table.description,
    };
    if (options.format === 'csv') {
      Object.assign(resource, {
        format: 'csv',
        mediatype: 'text/csv',
        encoding: options.excel ? 'utf-8-sig' : 'utf-8',
        dialect: {
          delimiter: ',',
          doubleQuote: true,
          lineTerminator: '\n',
          quoteChar: '"',
          header: true,
          skipInitialSpace: false,
        },
      });
    } else {
      Object.assign(resource, { format: 'json', mediatype: 'application/json', encoding: 'utf-8' });
    }
    resource.schema = tableSchema(table, { nullValue: options.nullValue });
    return resource;
  });
  return pkg;
}

const JSON_TYPE: Record<ColumnType, string> = {
  string: 'string',
  date: 'string',
  integer: 'integer',
  boolean: 'boolean',
  anyURL: 'string',
};

/** JSON Schema (draft-07) of a table's JSON file: an array of records with every column as a key. */
export function tableJsonSchema(table: TableDef): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const c of table.columns) {
    const p: Record<string, unknown> = {
      title: c.title,
      description: c.description,
      type: c.required ? JSON_TYPE[c.type] : [JSON_TYPE[c.type], 'null'],
    };
    if (c.type === 'date') p.format = 'date';
    if (c.type === 'anyURL') p.format = 'uri';
    if (c.pattern) p.pattern = c.pattern;
    if (c.enum) p.enum = c.required ? [...c.enum] : [...c.enum, null];
    if (c.maxLength !== undefined) p.maxLength = c.maxLength;
    if (c.type === 'integer') p.minimum = 0;
    if (c.type === 'string' && c.required) p.minLength = 1;
    properties[c.name] = p;
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: table.title,
    description: `${table.description}. Файл ${table.file}.json: масив записів, по одному на рядок таблиці ${table.file}.csv`,
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: table.columns.map((c) => c.name),
      properties,
    },
  };
}

export function tableJsonSchemaText(table: TableDef): string {
  return toJson(tableJsonSchema(table));
}
