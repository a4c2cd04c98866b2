/**
 * Named officials: people the article gives a public role, with that role as written and every
 * mention of them (titles included where they stand before the name; a possessive's "'s" left
 * out). Journalists are never officials; a surname two people share is a mention of neither.
 */
import type { Analysis } from './analysis';
import { nameEnd, type NameOcc } from './names';
import type { Person } from './people';
import { roleAt, type FoundRole } from './roles';
import { set } from './lexicon/words';
import { titleAt } from './titles';
import type { DetectedOfficial } from './types';

export interface Official {
  person: Person;
  role: FoundRole;
}

export interface OfficialsFound {
  officials: Official[];
  /** The role read at each occurrence, where the mention starts with it. */
  roleAt: Map<NameOcc, FoundRole>;
}

const COORDINATION = set('and or et ou und oder y o e ,');

/** The officials of an analysed article, with the role each is first given. */
export function findOfficials(a: Analysis): OfficialsFound {
  const { text, toks, names, people } = a;
  const roles = new Map<Person, FoundRole>();
  const at = new Map<NameOcc, FoundRole>();
  let prevEnd = -1;
  let prevRole: FoundRole | null = null;
  for (const occ of names) {
    const person = people.of.get(occ);
    let role: FoundRole | null = roleAt(text, toks, occ);
    // "cabinet ministers A and B": B shares A's plural title.
    const link = toks[prevEnd];
    const shared = prevRole as FoundRole | null;
    if (!role && shared?.plural && link && occ.i - prevEnd === 1 && COORDINATION.has(link.w || link.t)) {
      role = { ...shared, mentionStart: occ.i };
    }
    prevEnd = occ.j;
    prevRole = role;
    if (!role || !person || people.ambiguous.has(occ)) continue;
    at.set(occ, role);
    if (!roles.has(person)) roles.set(person, role);
    if (role.gender && !person.gender) person.gender = role.gender;
  }
  for (const [occ, role] of groupRoles(a)) {
    const person = people.of.get(occ);
    if (!person || people.ambiguous.has(occ) || roles.has(person) || person.words.length < 2) continue;
    at.set(occ, role);
    roles.set(person, role);
  }
  const officials: Official[] = [];
  for (const [person, role] of roles) if (!person.journalist) officials.push({ person, role });
  officials.sort((x, y) => (x.person.occs[0]?.i ?? 0) - (y.person.occs[0]?.i ?? 0));
  return { officials, roleAt: at };
}

/** The officials as the detector returns them. */
export function toDetected(a: Analysis, found: OfficialsFound): DetectedOfficial[] {
  const { text, toks, people } = a;
  return found.officials.map(({ person, role }) => ({
    name: person.full,
    role: role.text,
    mentions: person.occs
      .filter((occ) => !people.ambiguous.has(occ))
      .map((occ) => {
        const r = found.roleAt.get(occ);
        const first = r && r.mentionStart < occ.i ? r.mentionStart : occ.honorific >= 0 ? occ.honorific : occ.i;
        const start = toks[first]!.s;
        const end = nameEnd(toks[occ.j - 1]!);
        return { start, end, text: text.slice(start, end) };
      }),
  }));
}

const AMONG = set('among amongst parmi unter entre');
const ARTICLE = set('the les den los las os as des ces these those');

/**
 * "Among the senators who voted no were A and B. C abstained.": a paragraph that opens on a
 * group of office-holders gives their title to the people it then names.
 */
function groupRoles(a: Analysis): Map<NameOcc, FoundRole> {
  const { toks, names } = a;
  const out = new Map<NameOcc, FoundRole>();
  const frames = new Map<number, FoundRole | null>(); // by paragraph
  for (const occ of names) {
    const para = toks[occ.i]!.para;
    if (!frames.has(para)) {
      // The paragraph's first words are the frame: "Among the senators…", "Parmi les députés…".
      let k = occ.i;
      while (k > 0 && toks[k - 1]!.para === para) k--;
      frames.set(para, frameAt(k));
    }
    const frame = frames.get(para);
    if (frame) out.set(occ, { ...frame, mentionStart: occ.i });
  }
  return out;

  function frameAt(k: number): FoundRole | null {
    if (!AMONG.has(toks[k]?.w ?? '')) return null;
    const t = ARTICLE.has(toks[k + 1]?.w ?? '') ? k + 2 : k + 1;
    const m = titleAt(toks, t);
    if (!m || !m.plural || m.info.need) return null;
    const text = toks.slice(m.i, m.j).map((x) => x.t).join(' ').replace(/s$/u, '');
    return { text, mentionStart: k, plural: false, gender: '', heads: [text.toLowerCase()] };
  }
}
