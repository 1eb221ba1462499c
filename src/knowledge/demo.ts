/**
 * The demo cases: seed 002's own examples (Nye vegar til framtidas velferd, the government's
 * innovation strategy for the municipal sector, 2013), each with the facts the seed states and
 * nothing more, in the language the seed or its quotation writes it in. Where the seed does not
 * say something (a problem, a result), the case says so instead of guessing. Municipalities carry
 * today's codes; a municipality since merged (Askim, Nøtterøy) carries the code of the one it is
 * part of now, under its own name.
 */
import type { Queryable } from '../platform/db/database.js';
import { SYSTEM } from '../platform/db/kit.js';
import { orThrow } from '../platform/outcome.js';
import { slugOf, type CaseDraft, type CaseMunicipality } from './model.js';
import { findCaseBySlug } from './store.js';
import { writeCase } from './use-cases.js';
import { seedDemoPrize } from './prize-demo.js';
import { seedDemoDirectory } from './directory-demo.js';

export const SEED_002 =
  'Nye vegar til framtidas velferd. Regjeringa sin strategi for innovasjon i kommunesektoren (Kommunal- og regionaldepartementet, 2013)';

const no = (code: string, name: string): CaseMunicipality => ({ country: 'NO', code, name });

type Demo = Omit<CaseDraft, 'source' | 'contacts' | 'links' | 'yearTo'> & { yearTo?: number | null; recommended?: boolean };

export const DEMO_CASES: readonly Demo[] = [
  {
    language: 'da',
    title: 'Længst muligt i eget liv',
    problem:
      'Borgere med behov for pleje og hjælp skal kunne klare hverdagen selv, blive selvhjulpne og dermed blive så længe som muligt i deres eget liv – det liv, de selv ønsker og former.',
    done: 'Fredericia Kommune lagde sin pleje og omsorg om med projektet »Længst muligt i eget liv«, et grundlæggende opgør med den måde, sundheds- og socialområdet ser på mennesker og møder deres behov: »Vi ændrer på forudsætningene for fremtidens pleje ved at se på det enkelte menneskes ressourcer og ved at yde hjælp til selvhjælp i stedet for at yde kompenserende – og passiviserende – pleje.« Kilden omtaler projektet under overskriften hverdagsrehabilitering.',
    results:
      'Fredericia Kommune fik i 2010 den danske innovationspris for omlægningen af pleje og omsorg og er blevet kaldt den mest innovative kommune i Danmark på velfærdsområdet.',
    phase: 'put_to_use',
    country: 'DK',
    sector: 'health_care',
    themes: ['rehabilitation'],
    yearFrom: 2010,
    municipalities: [{ country: 'DK', code: '607', name: 'Fredericia' }],
    partners: [],
    recommended: true,
  },
  {
    language: 'nn',
    title: 'Rehabiliteringsteam for hverdagsrehabilitering i Nome',
    problem:
      'Dei som treng hjelp, skal kunne halde fram med ein aktiv og meiningsfylt kvardag i eigen heim: gjenvinne, forbetre eller halde ved like aktivitetar dei sjølve ønskjer.',
    done: 'Nome kommune har etablert eit rehabiliteringsteam under tiltaket hverdagsrehabilitering, der ein ergoterapeut og ein fysioterapeut samarbeider med heimetrenarar. Kommunen omtalar tilbodet slik: «Vi kjem heim til deg og trenar intensivt over ein kortare periode i aktivitetar du ønskjer å gjenvinne, forbetre eller vedlikehalde, slik at du skal få behalde ein aktiv og meiningsfylt kvardag i eigen heim.» Nome er ein av fleire kommunar i prosjektet «Hverdagsrehabilitering i Norge», som Norsk Ergoterapeutforbund tok initiativ til og Helse- og omsorgsdepartementet støttar økonomisk. Prosjekta byggjer mellom anna på erfaringar frå Danmark (Fredericia) og Sverige.',
    results: 'Kjelda seier ikkje noko om resultata.',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'health_care',
    themes: ['rehabilitation'],
    yearFrom: null,
    municipalities: [no('4018', 'Nome')],
    partners: ['Norsk Ergoterapeutforbund', 'Helse- og omsorgsdepartementet'],
    recommended: true,
  },
  {
    language: 'nb',
    title: 'Familiens hus i Askim',
    problem:
      'Kilden sier ikke hvilket problem kommunen ville løse; den gjengir et innspill om hvordan tjenestene for familien henger sammen.',
    done: 'Askim kommune har slått sammen barnevernet, helsestasjonen og de delene av kommunen som har med familien å gjøre, derav navnet Familiens hus.',
    results:
      'Et innspill til innspillsloggen Smarte kommuner forteller: «Jeg var innenfor barnevernet og helsestasjonen og merket fort at de jobbet tett og godt sammen, noe jeg ikke har sett i andre kommuner. Der fikk jeg også følelsen av å bli hørt og at det ble gjort noe.»',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'children_family',
    themes: ['service_integration'],
    yearFrom: null,
    municipalities: [no('3118', 'Askim')],
    partners: [],
  },
  {
    language: 'nn',
    title: 'Inn på tunet: velferdstenester på gardsbruk',
    problem:
      'Kjelda nemner ikkje eit eige problem; ho viser Inn på tunet som døme på innovative samarbeid mellom kommunar og lokalt næringsliv eller andre lokale ressursar.',
    done: 'Inn på tunet er tilrettelagde og kvalitetssikra velferdstenester som finn stad på gardsbruk, og omfattar tilbod innan psykisk helse, rusomsorg, psykiatri og eldreomsorg.',
    results: '77 kommunar har fått støtte til eigne lokale utviklingsprosjekt av denne typen.',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'health_care',
    themes: ['business_partnership'],
    yearFrom: null,
    municipalities: [],
    partners: [],
  },
  {
    language: 'nn',
    title: 'Frikommuneforsøket i Grimstad: samordna sosialhjelp, trygd og arbeidsmarknadstiltak for unge',
    problem: 'Grimstad ville prøve ut samordna styring av sosialhjelp, trygd og arbeidsmarknadstiltak overfor unge.',
    done: 'Grimstad fekk i 1989 status som frikommune for å prøve ut samordna styring av sosialhjelp, trygd og arbeidsmarknadstiltak overfor unge. Seinare prøvde mellom anna Løten og tolv andre kommunar tilsvarande ordningar, også kalla samordningsforsøket.',
    results: 'Erfaringane frå desse kommunane blei nytta i utforminga av NAV-reforma.',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'welfare_work',
    themes: ['service_integration'],
    yearFrom: 1989,
    municipalities: [no('4202', 'Grimstad')],
    partners: [],
  },
  {
    language: 'nn',
    title: 'Samhandlingsprosjekta i Ørland, Ål og Alta',
    problem: 'Kommunehelsetenestene og sjukehusa treng betre samhandling.',
    done: 'Ørland, Ål og Alta er blant kommunane som hadde gode samhandlingsprosjekt mellom kommunehelsetenesta og sjukehusa.',
    results:
      'Kongstanken bak samhandlingsreforma – å få til betre samhandling mellom kommunehelsetenestene og sjukehusa – sprang ut av ei rekke gode samhandlingsprosjekt i kommunar som Ørland, Ål og Alta.',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'health_care',
    themes: ['collaboration'],
    yearFrom: null,
    municipalities: [no('5057', 'Ørland'), no('3328', 'Ål'), no('5601', 'Alta')],
    partners: [],
  },
  {
    language: 'nn',
    title: 'Asylsøkjarar som besøksvener i Molde',
    problem: 'Asylsøkjarar treng meiningsfulle oppgåver å fylle dagane sine med, og dei eldre ved eldresentra treng besøk.',
    done: 'I Molde har Raudekrossen invitert asylsøkjarar som kan snakke norsk, til å bli besøksvener ved dei lokale eldresentra. Ei rekke asylsøkjarar meldte seg til opplæring.',
    results:
      'Tiltaket er godt motteke hos dei eldre. Det blir ein vinn-vinn-situasjon: asylsøkjarane får meiningsfulle oppgåver å fylle dagane sine med, og dei eldre får besøk og blir tekne med på turar ute.',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'health_care',
    themes: ['volunteering'],
    yearFrom: null,
    municipalities: [no('1506', 'Molde')],
    partners: ['Raudekrossen'],
  },
  {
    language: 'nn',
    title: 'Trådlaus varsling og sikring i omsorgsbustader i Vågå',
    problem: 'Eldre skal kunne bu trygt heime lenger.',
    done: 'Vågå kommune har i samarbeid med Abelia utrusta omsorgsbustader med eit system for trådlaus varsling og sikring. I tillegg er det laga ei «leilegheit» på Frivilligsentralen der ein kan sjå og prøve ut ei rekke løysingar som kan auke tryggleiken i heimen.',
    results: 'Systemet gjer at mange eldre kan bli buande heime lenger, og bidreg til større tryggleik og høgare livskvalitet.',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'health_care',
    themes: ['welfare_technology'],
    yearFrom: null,
    municipalities: [no('3435', 'Vågå')],
    partners: ['Abelia'],
  },
  {
    language: 'nn',
    title: 'SMS før snøbrøyting i Kristiansand',
    problem: 'Bebuarane må flytte bilane sine når gatene skal brøytast for snø.',
    done: 'Kristiansand kommune sender ut sms-varsel når gatene skal brøytast for snø, slik at bebuarane kan flytte bilane sine. Gatene som skal brøytast, blir skilta med parkering forbode 24 timar før brøytinga startar. I tillegg skal det sendast ut telefonmelding til folk som bur i vegane som skal ryddast.',
    results: 'Kjelda seier ikkje noko om resultata.',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'technical',
    themes: ['digital_communication'],
    yearFrom: null,
    municipalities: [no('4204', 'Kristiansand')],
    partners: [],
  },
  {
    language: 'nn',
    title: 'Skule på byggjeplass',
    problem:
      'Veidekke og næringa har utfordringar med å rekruttere nok fagarbeidarar til byggfaga, spesielt betongfaget; samtidig fell mange frå i yrkesfagleg opplæring.',
    done: 'Akershus fylkeskommune og Oslo kommune samarbeider med Veidekke om programmet Skule på byggjeplass (SPB) frå hausten 2012. I Akershus blir skuleåret gjennomført i samarbeid med Jessheim vidaregåande skule, som har ansvar for fellesfaga: matte, naturfag, norsk, gym og samfunnsfag. Kvar måndag drar faglærarar til brakkene på Veidekke sin byggjeplass på Lørenskog, slik at elevane får den same opplæringa som dei som går i vidaregåande skule.',
    results: 'Kjelda seier at prosjektet kan bidra til å minske fråfallet i yrkesfagleg opplæring; ho nemner ingen målte resultat.',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'education',
    themes: ['business_partnership'],
    yearFrom: 2012,
    municipalities: [no('0301', 'Oslo')],
    partners: ['Akershus fylkeskommune', 'Veidekke', 'Jessheim vidaregåande skule'],
  },
  {
    language: 'nn',
    title: 'Innovasjonsnettverket i Saman om ein betre kommune',
    problem: 'Kommunane i programmet har utfordringar med sjukefråvere, heiltid og deltid, kompetanse og rekruttering, og omdøme.',
    done: 'I utviklingsprogrammet Saman om ein betre kommune, eit trepartssamarbeid mellom folkevalde, administrasjon og tillitsvalde og medarbeidarar, er det etablert eit nettverk som skal bruke innovasjonsmetodikk for å utvikle nye løysingar innanfor temaa i programmet. Gjennom samarbeidsdriven innovasjon søkjer nettverket å sikre brei forankring i utviklinga av moglege løysingar. Nettverket består av Hamar, Grong, Frøya, Sarpsborg, Kristiansund og Nøtterøy.',
    results: 'Kjelda seier ikkje noko om resultata.',
    phase: 'new',
    country: 'NO',
    sector: 'organisation',
    themes: ['working_life', 'innovation_method'],
    yearFrom: null,
    municipalities: [
      no('3403', 'Hamar'),
      no('5045', 'Grong'),
      no('5014', 'Frøya'),
      no('3105', 'Sarpsborg'),
      no('1505', 'Kristiansund'),
      no('3911', 'Nøtterøy'),
    ],
    partners: ['KS', 'Kommunal- og regionaldepartementet', 'Arbeidstakarorganisasjonane'],
    // Seed 002 calls it a development programme (utviklingsprogrammet Saman om ein betre kommune).
    programme: 'Saman om ein betre kommune',
  },
  {
    language: 'nn',
    title: 'Nettverket for velferdsinnovasjon i Saman om ein betre kommune',
    problem: 'Kommunane i programmet har utfordringar med sjukefråvere, heiltid og deltid, kompetanse og rekruttering, og omdøme.',
    done: 'Eit anna nettverk i utviklingsprogrammet Saman om ein betre kommune arbeider meir retta mot velferdsinnovasjon. Nettverket består av Sirdal, Flekkefjord, Hægebostad, Kvinesdal og Lyngdal.',
    results: 'Kjelda seier ikkje noko om resultata.',
    phase: 'new',
    country: 'NO',
    sector: 'organisation',
    themes: ['working_life', 'innovation_method'],
    yearFrom: null,
    municipalities: [
      no('4228', 'Sirdal'),
      no('4207', 'Flekkefjord'),
      no('4226', 'Hægebostad'),
      no('4227', 'Kvinesdal'),
      no('4225', 'Lyngdal'),
    ],
    partners: ['KS', 'Kommunal- og regionaldepartementet', 'Arbeidstakarorganisasjonane'],
    // Seed 002 calls it a development programme (utviklingsprogrammet Saman om ein betre kommune).
    programme: 'Saman om ein betre kommune',
  },
];

/** Writes the demo cases that are not there yet (by their address): running it twice adds nothing. */
export async function seedDemoKnowledge(db: Queryable): Promise<number> {
  let written = 0;
  for (const { recommended, yearTo, ...demo } of DEMO_CASES) {
    if (await findCaseBySlug(db, slugOf(demo.title))) continue;
    const draft: CaseDraft = { ...demo, yearTo: yearTo ?? null, source: SEED_002, contacts: [], links: [] };
    orThrow(await writeCase(db, draft, SYSTEM, { recommended: recommended ?? false }));
    written++;
  }
  await seedDemoPrize(db, SEED_002);
  await seedDemoDirectory(db, SEED_002);
  return written;
}
