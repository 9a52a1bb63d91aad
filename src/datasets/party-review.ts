/**
 * Rows of `parties` that may not name a body, flagged for review (warnings, never dropped):
 * - a task phrase: the name starts with a verbal noun («залучення донорських організацій та проєктів»,
 *   «проведення…», «забезпечення…») — an executors cell that held the task, not who does it. Institutional
 *   nouns of the same form («управління», «відділення», «об’єднання», «правління») name bodies and are not flagged;
 * - a person with a role in one cell: initials («Іванов І. І.») or a post («заступник міського голови …»)
 *   in a row not marked as a person.
 */
import { warning, type Message } from '../model/message.js';
import type { TableRecord } from './tables.js';

const INSTITUTIONAL = new Set(['управління', 'відділення', 'об’єднання', "об'єднання", 'обʼєднання', 'правління', 'представництво']);
const VERBAL_NOUN = /^\p{L}+(?:ння|ття|іння|ення)$/u;
const INITIALS = /(?:^|[\s,])\p{Lu}\.\s?\p{Lu}\.(?:$|[\s,;)])|(?:^|[\s,])\p{Lu}\p{Ll}+\s\p{Lu}\.\s?\p{Lu}\./u;
const POSTS = /^(?:перш(?:ий|а)\s+)?(?:заступник|начальник|директор|голова|секретар|керуюч(?:ий|а)|радник|староста|депутат|уповноважен(?:ий|а)|менеджер|координатор)\b/iu;

export function partyReviewMessages(parties: readonly TableRecord[]): Message[] {
  const messages: Message[] = [];
  for (const row of parties) {
    const name = String(row.name ?? '');
    if (row.kind === 'person') continue;
    const first = (name.match(/^\p{L}+/u)?.[0] ?? '').toLowerCase();
    let why: string | null = null;
    if (VERBAL_NOUN.test(first) && !INSTITUTIONAL.has(first)) why = 'reads as a task, not a body (it starts with a verbal noun)';
    else if (INITIALS.test(name) || POSTS.test(name)) why = 'names a person (initials or a post), not a body';
    if (why) {
      messages.push(warning('party-not-body', `parties row ${String(row.uid)}: «${name}» ${why}: check the executors/partners cell of the plan`, { file: 'parties.csv' }));
    }
  }
  return messages;
}
