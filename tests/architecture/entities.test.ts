// Each domain keeps its entities beside its code (issue 30: no 1,400-line file every function
// imports); one registry sees them all. Checked here: every entity module is in the registry,
// no entity is defined anywhere else, names are unique, and no two entities write the same key
// (their computed keys, with every key attribute a placeholder, differ).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENTITIES, ENTITY_MODULES } from '../../functions/src/db/registry';
import { ROOT } from '../../scripts/lib/processes';

const SRC = join(ROOT, 'functions', 'src');
const sourceFiles = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.split('\\').join('/'));

describe('entities', () => {
  it('are defined only in the entity modules, and every entity module is in the registry', () => {
    const defining = sourceFiles.filter((f) => /new Entity\(/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(defining.sort()).toEqual([...ENTITY_MODULES].sort());
    const declared = defining.flatMap((f) => [...readFileSync(join(SRC, f), 'utf8').matchAll(/new Entity\(\{\s*name: '(\w+)'/g)].map((m) => m[1]));
    expect(ENTITIES.map((e) => e.entity.entityName).sort()).toEqual(declared.sort());
  });

  it('have unique names', () => {
    const names = ENTITIES.map((e) => e.entity.entityName);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('never write the same key: each entity’s key shape is its own', () => {
    const HOLE = '\u0001';
    const shapes = new Map<string, string>();
    const clashes: string[] = [];
    for (const { entity, domain } of ENTITIES) {
      const attributes = (entity.schema as unknown as { attributes: Record<string, { type: string; props?: { key?: boolean } }> }).attributes;
      const key = Object.fromEntries(
        Object.entries(attributes)
          .filter(([, a]) => a.props?.key)
          .map(([name, a]) => [name, a.type === 'number' ? 987654321 : HOLE]),
      );
      const computed = (entity as unknown as { computeKey?: (k: Record<string, unknown>) => { pk: string; sk: string } }).computeKey?.(key) ?? (key as { pk: string; sk: string });
      const shape = `${String(computed.pk)} | ${String(computed.sk)}`.split(HOLE).join('{}').split('987654321').join('{n}');
      const other = shapes.get(shape);
      if (other) clashes.push(`${entity.entityName} (${domain}) and ${other}: ${shape}`);
      shapes.set(shape, `${entity.entityName} (${domain})`);
    }
    expect(clashes).toEqual([]);
    expect(shapes.size).toBe(ENTITIES.length);
  });

  it('the registry is not in any Lambda bundle (it would carry every entity)', () => {
    const importers = sourceFiles.filter((f) => f !== 'db/registry.ts' && /from '[./]*(db\/)?registry'/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(importers.map((f) => relative(SRC, join(SRC, f)))).toEqual([]);
  });
});
