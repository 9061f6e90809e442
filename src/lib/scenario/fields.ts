/**
 * The fields the schema allows at a place in a document, for hints on unknown fields: read off
 * the Zod schema itself, so the hints can never drift from the format.
 */
import type { z } from 'zod';
import type { Path } from './diagnostics';

type Def = {
	type: string;
	shape?: Record<string, z.ZodType>;
	valueType?: z.ZodType;
	element?: z.ZodType;
	items?: z.ZodType[];
	options?: z.ZodType[];
	innerType?: z.ZodType;
	in?: z.ZodType;
	getter?: () => z.ZodType;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
	let current = schema;
	for (let i = 0; i < 20; i++) {
		const def = defOf(current);
		if (def.type === 'lazy' && def.getter) current = def.getter();
		else if (def.innerType) current = def.innerType;
		else if (def.type === 'pipe' && def.in) current = def.in;
		else break;
	}
	return current;
}

function schemasAt(schema: z.ZodType, path: Path): z.ZodType[] {
	const current = unwrap(schema);
	const def = defOf(current);
	if (def.type === 'union') return (def.options ?? []).flatMap((o) => schemasAt(o, path));
	if (path.length === 0) return [current];
	const [key, ...rest] = path;
	if (def.type === 'object') {
		const child = def.shape?.[String(key)];
		return child ? schemasAt(child, rest) : [];
	}
	if (def.type === 'record' && def.valueType) return schemasAt(def.valueType, rest);
	if (def.type === 'array' && def.element) return schemasAt(def.element, rest);
	if (def.type === 'tuple' && typeof key === 'number' && def.items?.[key])
		return schemasAt(def.items[key], rest);
	return [];
}

/** Field names allowed in the mapping at `path`: `fieldsAt(scenarioSchema, ['actors', 'russia'])`. */
export function fieldsAt(schema: z.ZodType, path: Path): string[] {
	const fields = new Set<string>();
	for (const s of schemasAt(schema, path)) {
		const def = defOf(s);
		if (def.type === 'object') for (const key of Object.keys(def.shape ?? {})) fields.add(key);
	}
	return [...fields];
}
