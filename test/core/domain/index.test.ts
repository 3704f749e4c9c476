import { readdirSync } from 'fs';
import { join } from 'path';
import * as domain from '../../../src/core/domain';

const folder = join(__dirname, '../../../src/core/domain');

describe('the domain index', () => {
  const modules = readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.replace(/\.ts$/, ''));

  it.each(modules)('re-exports everything %s exports', (name) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const module = require(join(folder, name)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(module)) {
      expect((domain as Record<string, unknown>)[key]).toBe(value);
    }
  });

  it('keeps the record restriction contract the surfaces read', () => {
    expect(domain.recordActions).toEqual(['editContent', 'editProperties', 'delete', 'move', 'relabel', 'removeLabel', 'lock', 'unlock']);
    expect(domain.defaultRecordsTenantSettings).toMatchObject({ allowEditingRecordProperties: true, allowDeletingLabelledItems: true });
    expect(typeof domain.checkRecordAction).toBe('function');
    expect(typeof domain.describeRestrictions).toBe('function');
  });
});
