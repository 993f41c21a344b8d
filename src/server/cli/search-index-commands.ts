import { reindexPersons } from '../cases/person-reindex.js';
import type { CliCommand } from './commands.js';
import { openKeys, withDatabase } from './cli-support.js';

/** `sanad reindex-persons`: the start-up re-indexing of persons' search keys, run ahead of a start (a large database). */
export const SEARCH_INDEX_COMMANDS: CliCommand[] = [
  {
    name: 'reindex-persons',
    summary: 'Derive the search keys of persons indexed by an older scheme',
    help:
      'sanad reindex-persons\n\nRe-derives the keyed blind indexes (name parts, skeletons, documents, phones) of every person\n' +
      'whose keys were written by an older version of Sanad, in batches. Sanad also does this at start;\n' +
      'run it beforehand on a large database so the start is quick. Safe to run repeatedly and while Sanad runs.',
    options: {},
    async run(config) {
      const count = await withDatabase(config, async (database) => reindexPersons(database.db, await openKeys(config, database)));
      process.stdout.write(count ? `Re-indexed ${count} person(s).\n` : 'Every person is indexed with the current scheme.\n');
      return 0;
    },
  },
];
