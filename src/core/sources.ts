// Telling clinical and academic citations apart from the seed articles the product grew from.
// Every safety rule must cite at least one clinical or academic source; a seed article may
// follow only after "Also described in:", as the place a practice was also found. The data
// tests apply this to every rule, caution and routine, so the rule is checked, not promised.

/** What kind of source a citation is. `seed` is a marketing or blog article: never enough on its own. */
export type SourceKind = 'journal' | 'text' | 'health' | 'seed';

/** The phrase that starts the part of a source naming where a practice was also described. */
export const ALSO = 'Also described in:';

// Peer-reviewed papers: a Vancouver-style "Year;Volume(Issue):pages", a Cochrane review, or a DOI.
const JOURNAL = [/\b(19|20)\d{2}\s*(?:[A-Z][a-z]{2}\s*)?;\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*e?\d+/, /Cochrane Database Syst Rev/, /\bdoi:\s*10\.\d+\//i];
// Standard texts and standards bodies.
const TEXT = [
  /Deadman P.*Manual of Acupuncture/,
  /WHO Standard Acupuncture Point Locations/,
  /A Proposed Standard International Acupuncture Nomenclature/,
  /GB\/T 40997/,
  /Walton T\. Medical Conditions and Massage Therapy/,
  /Betts D\. The Essential Guide to Acupuncture in Pregnancy/,
  /Cheng Xinnong.*Chinese Acupuncture and Moxibustion/,
];
// Health systems, cancer centres, public health bodies and clinical guideline publishers.
const HEALTH = [
  /\bNHS\b/,
  /\bNICE\b/,
  /\bNCCIH\b|National Center for Complementary and Integrative Health/,
  /Memorial Sloan Kettering/,
  /Mayo Clinic/,
  /Royal College of Obstetricians and Gynaecologists/,
  /American Heart Association/,
  /National Kidney Foundation/,
  /University of Minnesota, Taking Charge of Your Health/,
];
// The seed articles (/work/shared/seeds) and their publishers.
const SEED = [/Verywell/i, /downtownphysio/i, /physiotherapy clinic article/i, /Synergy of Two/i, /giftsflash/i, /Discover the Benefits of Acupressure Massage/i, /\bOptum\b/i, /Stress Relief at Your Fingertips/i, /leanbodygoals/i];

/** The cited part of a source (before "Also described in:") and the rest. */
export function splitSource(source: string): { cited: string; also: string } {
  const at = source.indexOf(ALSO);
  return at < 0 ? { cited: source, also: '' } : { cited: source.slice(0, at), also: source.slice(at + ALSO.length) };
}

/** The kinds of source a text names (each kind once, in the order journal, text, health, seed). */
export function sourceKinds(text: string): SourceKind[] {
  const out: SourceKind[] = [];
  if (JOURNAL.some((r) => r.test(text))) out.push('journal');
  if (TEXT.some((r) => r.test(text))) out.push('text');
  if (HEALTH.some((r) => r.test(text))) out.push('health');
  if (SEED.some((r) => r.test(text))) out.push('seed');
  return out;
}

/**
 * Why a safety source falls short, or undefined when it is fine: the cited part must name a
 * clinical or academic source and no seed article (seeds belong after "Also described in:").
 */
export function sourceProblem(source: string): string | undefined {
  const { cited } = splitSource(source);
  const kinds = sourceKinds(cited);
  if (kinds.includes('seed')) return `cites a seed article outside "${ALSO}"`;
  if (kinds.length === 0) return 'names no clinical or academic source (a peer-reviewed paper, a standard text, or a health-system, cancer-centre or NCCIH page)';
  return undefined;
}
