/**
 * Decision letters: one template per country and language (bokmål and nynorsk for Norway, Danish
 * for Denmark), for a grant and for a rejection, merged with the application's and the decision's
 * data into an archivable document. Every applicant gets a reasoned letter. Pure: no IO.
 */
import { formatNumber } from '../platform/i18n/index.js';
import type { ArchivalDocument, DocumentPart } from '../platform/pdf/document.js';
import type { Currency } from '../programmes/index.js';
import type { LetterLanguage } from './model.js';

export interface LetterData {
  /** Names of the network's members, the lead first. */
  members: string[];
  call: string;
  programme: string;
  owner: string;
  outcome: 'granted' | 'rejected';
  amount: number | null;
  currency: Currency;
  conditions: string;
  reason: string;
  decidedAt: Date;
  decidedBy: string;
  /** Who approved the decision (the second pair of eyes); none before approval (a preview). */
  approvedBy: string | null;
  /** The application's case number (saksnummer), e.g. 2026/0042. */
  reference: string;
  timeZone: string;
  /** The programme's payment plan and reporting duties as paragraphs; the standard text where it has none. */
  followUp?: string[] | undefined;
}

interface Template {
  country: 'NO' | 'DK';
  intl: string;
  title: { granted: string; rejected: string };
  to: string;
  decision: { heading: string; granted: string; rejected: string };
  reason: string;
  conditions: { heading: string; none: string; accept: string };
  /** The payment plan and reporting duties that come with a grant. */
  followUp: { heading: string; text: string };
  /** Appeal: Norway forvaltningsloven §§ 28–29; Denmark four weeks. */
  rights: { heading: string; text: string };
  facts: { heading: string; text: string };
  /** The letterhead's lines under the deciding organisation's name. */
  head: { date: string; reference: string; officer: string; copy: string };
  /** The closing: approved electronically, so without handwritten signatures. */
  signed: { approved: string; preview: string };
  mail: { subject: string; body: string };
}

/** Placeholders in braces: {owner}, {applicant}, {lead}, {copies}, {call}, {programme}, {amount}, {currency}, {date}, {decidedBy}, {approvedBy}, {reference}. */
export const LETTER_TEMPLATES: Record<LetterLanguage, Template> = {
  nb: {
    country: 'NO',
    intl: 'nb-NO',
    title: { granted: 'Vedtak om tilskudd – {call}', rejected: 'Vedtak om avslag – {call}' },
    to: 'Til: {lead}',
    decision: {
      heading: 'Vedtak',
      granted:
        '{owner} har behandlet søknaden fra {applicant} til «{call}» i programmet «{programme}», og innvilger et tilskudd på {amount} {currency}.',
      rejected: '{owner} har behandlet søknaden fra {applicant} til «{call}» i programmet «{programme}». Søknaden er ikke innvilget.',
    },
    reason: 'Begrunnelse',
    conditions: {
      heading: 'Vilkår',
      none: 'Det er ikke satt andre vilkår enn dem som står i utlysningen.',
      accept:
        'Dere aksepterer tilskuddet og vilkårene på prosjektets side i Stifinner innen tre uker. Tilskuddet utbetales ikke før vilkårene er akseptert.',
    },
    followUp: {
      heading: 'Utbetaling og rapportering',
      text: 'Utbetalingsplanen og rapporteringspliktene for prosjektet fastsettes i oppfølgingen av programmet «{programme}». Dere får dem i Stifinner før første utbetaling.',
    },
    rights: {
      heading: 'Klageadgang',
      text: 'Vedtaket kan påklages innen tre uker fra det er mottatt, jf. forvaltningsloven §§ 28 og 29. Klagen sendes til {owner}, enklest fra søknadens side i Stifinner. Dere har rett til å se dokumentene i saken, jf. forvaltningsloven § 18.',
    },
    facts: { heading: 'Opplysninger om saken', text: 'Saksnummer: {reference}. Vedtatt {date} av {decidedBy}, {owner}.' },
    head: { date: 'Dato: {date}', reference: 'Vår referanse: {reference}', officer: 'Saksbehandler: {decidedBy}', copy: 'Kopi: {copies}' },
    signed: {
      approved:
        'Vedtaket er forberedt av {decidedBy} og godkjent av {approvedBy}. Dokumentet er godkjent elektronisk og har derfor ingen håndskrevne signaturer.',
      preview: 'Utkast: vedtaket er ennå ikke godkjent og er ikke sendt.',
    },
    mail: {
      subject: 'Vedtak på søknaden til «{call}»',
      body: 'Vedlagt er vedtaket på søknaden fra {applicant} til «{call}». Vedtaket ligger også på søknaden i Stifinner.\n\nMed hilsen\n{owner}',
    },
  },
  nn: {
    country: 'NO',
    intl: 'nn-NO',
    title: { granted: 'Vedtak om tilskot – {call}', rejected: 'Vedtak om avslag – {call}' },
    to: 'Til: {lead}',
    decision: {
      heading: 'Vedtak',
      granted:
        '{owner} har handsama søknaden frå {applicant} til «{call}» i programmet «{programme}», og innvilgar eit tilskot på {amount} {currency}.',
      rejected: '{owner} har handsama søknaden frå {applicant} til «{call}» i programmet «{programme}». Søknaden er ikkje innvilga.',
    },
    reason: 'Grunngjeving',
    conditions: {
      heading: 'Vilkår',
      none: 'Det er ikkje sett andre vilkår enn dei som står i utlysinga.',
      accept:
        'De aksepterer tilskotet og vilkåra på sida til prosjektet i Stifinner innan tre veker. Tilskotet blir ikkje utbetalt før vilkåra er aksepterte.',
    },
    followUp: {
      heading: 'Utbetaling og rapportering',
      text: 'Utbetalingsplanen og rapporteringspliktene for prosjektet blir fastsette i oppfølginga av programmet «{programme}». De får dei i Stifinner før første utbetaling.',
    },
    rights: {
      heading: 'Klagerett',
      text: 'De kan klage på vedtaket innan tre veker frå de fekk det, jf. forvaltningslova §§ 28 og 29. Klaga skal sendast til {owner}, enklast frå sida til søknaden i Stifinner. De har rett til å sjå dokumenta i saka, jf. forvaltningslova § 18.',
    },
    facts: { heading: 'Opplysningar om saka', text: 'Saksnummer: {reference}. Vedteke {date} av {decidedBy}, {owner}.' },
    head: { date: 'Dato: {date}', reference: 'Vår referanse: {reference}', officer: 'Sakshandsamar: {decidedBy}', copy: 'Kopi: {copies}' },
    signed: {
      approved:
        'Vedtaket er førebudd av {decidedBy} og godkjent av {approvedBy}. Dokumentet er godkjent elektronisk og har difor ingen handskrivne signaturar.',
      preview: 'Utkast: vedtaket er enno ikkje godkjent og er ikkje sendt.',
    },
    mail: {
      subject: 'Vedtak på søknaden til «{call}»',
      body: 'Vedlagt er vedtaket på søknaden frå {applicant} til «{call}». Vedtaket ligg òg på søknaden i Stifinner.\n\nHelsing\n{owner}',
    },
  },
  da: {
    country: 'DK',
    intl: 'da-DK',
    title: { granted: 'Afgørelse om tilsagn – {call}', rejected: 'Afgørelse om afslag – {call}' },
    to: 'Til: {lead}',
    decision: {
      heading: 'Afgørelse',
      granted:
        '{owner} har behandlet ansøgningen fra {applicant} til «{call}» i programmet «{programme}» og imødekommer ansøgningen med et tilskud på {amount} {currency}.',
      rejected:
        '{owner} har behandlet ansøgningen fra {applicant} til «{call}» i programmet «{programme}». Ansøgningen er ikke imødekommet.',
    },
    reason: 'Begrundelse',
    conditions: {
      heading: 'Vilkår',
      none: 'Der er ikke fastsat andre vilkår end dem, der fremgår af opslaget.',
      accept:
        'I accepterer tilskuddet og vilkårene på projektets side i Stifinner inden tre uger. Tilskuddet udbetales ikke, før vilkårene er accepteret.',
    },
    followUp: {
      heading: 'Udbetaling og afrapportering',
      text: 'Udbetalingsplanen og pligterne til afrapportering fastsættes i opfølgningen af programmet »{programme}«. I får dem i Stifinner før første udbetaling.',
    },
    rights: {
      heading: 'Klagevejledning',
      text: 'I kan klage over afgørelsen inden fire uger fra modtagelsen. Klagen sendes til {owner}, lettest fra ansøgningens side i Stifinner. Har I spørgsmål til afgørelsen, er I velkomne til at kontakte {owner}.',
    },
    facts: { heading: 'Oplysninger om sagen', text: 'Sagsnummer: {reference}. Truffet {date} af {decidedBy}, {owner}.' },
    head: {
      date: 'Dato: {date}',
      reference: 'Vores reference: {reference}',
      officer: 'Sagsbehandler: {decidedBy}',
      copy: 'Kopi: {copies}',
    },
    signed: {
      approved:
        'Afgørelsen er forberedt af {decidedBy} og godkendt af {approvedBy}. Dokumentet er godkendt elektronisk og har derfor ingen håndskrevne underskrifter.',
      preview: 'Udkast: afgørelsen er endnu ikke godkendt og er ikke sendt.',
    },
    mail: {
      subject: 'Afgørelse på ansøgningen til «{call}»',
      body: 'Vedhæftet er afgørelsen på ansøgningen fra {applicant} til «{call}». Afgørelsen kan også ses på ansøgningen i Stifinner.\n\nMed venlig hilsen\n{owner}',
    },
  },
};

export class UnknownPlaceholder extends Error {}

/** Fills {name} placeholders; a placeholder without a value is a broken template. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new UnknownPlaceholder(`no value for {${name}}`);
    return value;
  });
}

function values(language: LetterLanguage, data: LetterData, addressee = 0): Record<string, string> {
  const template = LETTER_TEMPLATES[language];
  return {
    owner: data.owner,
    applicant: data.members.join(', '),
    call: data.call,
    programme: data.programme,
    amount: data.amount === null ? '' : formatNumber(language, data.amount),
    currency: data.currency,
    date: new Intl.DateTimeFormat(template.intl, { dateStyle: 'long', timeZone: data.timeZone }).format(data.decidedAt),
    decidedBy: data.decidedBy,
    approvedBy: data.approvedBy ?? '',
    reference: data.reference,
    lead: data.members[addressee] ?? '',
    copies: data.members.filter((_, i) => i !== addressee).join(', '),
  };
}

/** One member's letter: the letterhead addresses it to that member, with a copy to the others. */
function letterTo(language: LetterLanguage, data: LetterData, addressee: number): DocumentPart {
  const template = LETTER_TEMPLATES[language];
  const merged = values(language, data, addressee);
  const sections = [
    { heading: template.decision.heading, paragraphs: [fill(template.decision[data.outcome], merged)] },
    {
      heading: template.reason,
      paragraphs: data.reason
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean),
    },
  ];
  if (data.outcome === 'granted') {
    sections.push({
      heading: template.conditions.heading,
      paragraphs: [data.conditions.trim() || template.conditions.none, fill(template.conditions.accept, merged)],
    });
    sections.push({ heading: template.followUp.heading, paragraphs: data.followUp ?? [fill(template.followUp.text, merged)] });
  }
  sections.push({ heading: template.rights.heading, paragraphs: [fill(template.rights.text, merged)] });
  sections.push({
    heading: template.facts.heading,
    paragraphs: [fill(template.facts.text, merged), fill(data.approvedBy ? template.signed.approved : template.signed.preview, merged)],
  });
  const copies = data.members.length > 1 ? [fill(template.head.copy, merged)] : [];
  return {
    letterhead: {
      sender: data.owner,
      lines: [
        fill(template.head.date, merged),
        fill(template.head.reference, merged),
        fill(template.head.officer, merged),
        fill(template.to, merged),
        ...copies,
      ],
    },
    title: fill(template.title[data.outcome], merged),
    sections,
  };
}

/**
 * The letters as one archivable document in the chosen language: one letter to each member of
 * the network, each from a new page, the lead's first, the others in copy of each. A letter has the
 * deciding organisation's letterhead with date, case number, case officer and addressee; the
 * decision, its reasons, conditions and how to accept them, payment and reporting, the right of
 * appeal, and the electronic approval.
 */
export function mergeLetter(language: LetterLanguage, data: LetterData): ArchivalDocument {
  const [first, ...following] = data.members.map((_, i) => letterTo(language, data, i));
  const lead = first ?? letterTo(language, data, 0);
  return {
    ...lead,
    language: LETTER_TEMPLATES[language].intl,
    author: data.owner,
    subject: lead.title,
    ...(following.length > 0 ? { following } : {}),
  };
}

/** The covering mail in the letter's language. */
export function letterMail(language: LetterLanguage, data: LetterData): { subject: string; text: string } {
  const template = LETTER_TEMPLATES[language];
  const merged = values(language, data);
  return { subject: fill(template.mail.subject, merged), text: fill(template.mail.body, merged) };
}

const FILE_NAMES: Record<LetterLanguage, { granted: string; rejected: string }> = {
  nb: { granted: 'vedtak-tilskudd.pdf', rejected: 'vedtak-avslag.pdf' },
  nn: { granted: 'vedtak-tilskot.pdf', rejected: 'vedtak-avslag.pdf' },
  da: { granted: 'afgoerelse-tilsagn.pdf', rejected: 'afgoerelse-afslag.pdf' },
};

export function letterFileName(language: LetterLanguage, outcome: 'granted' | 'rejected'): string {
  return FILE_NAMES[language][outcome];
}
