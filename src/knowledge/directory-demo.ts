/**
 * The demo directory: only the research and innovation actors and grant schemes the seeds name,
 * with what the seeds say of them and nothing more. Seed 002 (the innovation strategy, 2013) names
 * the Norwegian ones and, in its literature list, KL's pages on innovation; seed 003 (the Danish
 * ministry's invitation to free-municipality trials, 2018) gives the ministry's address. No seed
 * states a deadline for an outside scheme, so each says it has no fixed deadline; the platform's own
 * open calls (the demo programmes) appear among the schemes by themselves.
 */
import type { Queryable } from '../platform/db/database.js';
import { SYSTEM } from '../platform/db/kit.js';
import { orThrow } from '../platform/outcome.js';
import { listRegions } from '../registry/index.js';
import type { DirectoryDraft } from './directory.js';
import { findEntryBySlug } from './directory.store.js';
import { addEntry } from './directory.use-cases.js';
import { slugOf } from './model.js';

const SEED_003 =
  'Invitation til nyt frikommuneforsøg. Økonomi- og Indenrigsministeriet, brev til alle landets borgmestre, 12. oktober 2018';

type Demo = Omit<DirectoryDraft, 'web' | 'email' | 'phone' | 'runner' | 'deadline' | 'eligible' | 'region'> &
  Partial<Pick<DirectoryDraft, 'web' | 'email' | 'phone' | 'runner' | 'eligible' | 'region'>>;

const actor = (demo: Omit<Demo, 'entry'>): Demo => ({ entry: 'actor', ...demo });
const scheme = (demo: Omit<Demo, 'entry' | 'kind'>): Demo => ({ entry: 'scheme', kind: null, ...demo });

export function demoDirectory(seed002: string): Demo[] {
  return [
    actor({
      kind: 'public_agency',
      language: 'nn',
      name: 'Forskningsrådet',
      description:
        'Forskningsrådet vil styrke samarbeidet med kommunesektoren: mobilisere aktivt til fleire innovasjonsprosjekt der kommunar er kontrakts- og samarbeidspartnarar, styrke innsatsen innanfor kompetansemekling der forskingsmiljø blir kopla opp mot forskingsbehov i kommunane, og prioritere midlar til å teste ut forskingsresultat i samarbeid med kommunale aktørar, blant anna gjennom «levande laboratorium».',
      country: 'NO',
      themes: ['innovation_method', 'collaboration'],
      source: seed002,
    }),
    actor({
      kind: 'municipal_organisation',
      language: 'nn',
      name: 'KS',
      description:
        'KS har god erfaring med Effektiviseringsnettverka, der fire til åtte kommunar samanliknar seg med kvarandre og lærer av dei gode eksempla. KS-programmet KommIT (IKT-samordning i kommunesektoren) blei etablert i 2012. KS og Næringslivets Hovedorganisasjon har etablert eit nasjonalt program for leverandørutvikling (www.leverandorutvikling.no). KS har nettsider om innovasjon og forsking.',
      country: 'NO',
      themes: ['collaboration', 'innovation_method', 'digital_communication'],
      web: 'http://www.ks.no/tema/Innovasjon-og-forskning/',
      source: seed002,
    }),
    actor({
      kind: 'public_agency',
      language: 'nn',
      name: 'Innovasjon Noreg',
      description: 'Innovasjon Noreg skal forvalte forsøksordninga med stipendmidlar til innovasjonsføremål i samarbeid med Difi.',
      country: 'NO',
      themes: ['business_partnership', 'innovation_method'],
      source: seed002,
    }),
    actor({
      kind: 'public_agency',
      language: 'nn',
      name: 'Difi',
      description: 'Difi skal forvalte forsøksordninga med stipendmidlar til innovasjonsføremål saman med Innovasjon Noreg.',
      country: 'NO',
      themes: ['business_partnership'],
      source: seed002,
    }),
    actor({
      kind: 'research_institute',
      language: 'nn',
      name: 'IRIS',
      description:
        'IRIS utarbeidde Håndbok for medarbeiderdriven innovasjon saman med NTNU Samfunnsforskning, med LO og NHO som aktive partnarar, som oppfølgingstiltak frå St. meld. nr. 7 (2008–2009).',
      country: 'NO',
      themes: ['working_life', 'innovation_method'],
      source: seed002,
    }),
    actor({
      kind: 'research_institute',
      language: 'nn',
      name: 'NTNU Samfunnsforskning',
      description:
        'NTNU Samfunnsforskning utarbeidde Håndbok for medarbeiderdriven innovasjon saman med IRIS, med LO og NHO som aktive partnarar, som oppfølgingstiltak frå St. meld. nr. 7 (2008–2009).',
      country: 'NO',
      themes: ['working_life', 'innovation_method'],
      source: seed002,
    }),
    actor({
      kind: 'business_cluster',
      language: 'nn',
      name: 'Oslo Cancer Cluster',
      description:
        'Nye Ullern vidaregåande skule skal frå 2015 samlokaliserast med Oslo Cancer Cluster. Elevane skal koplast saman med forskarar, og det er gjort avtalar om 40 små og store prosjekt.',
      country: 'NO',
      region: 'Oslo',
      themes: ['business_partnership', 'collaboration'],
      source: seed002,
    }),
    actor({
      kind: 'interest_organisation',
      language: 'nn',
      name: 'Frivillighet Norge',
      description: 'Både KS og Frivillighet Norge sit på kompetanse om frivillig innsats og samarbeidar om dette temaet.',
      country: 'NO',
      themes: ['volunteering'],
      source: seed002,
    }),
    actor({
      kind: 'municipal_organisation',
      language: 'da',
      name: 'KL – Kommunernes Landsforening',
      description:
        'KL har beskrevet den kommunale model for bruger- og medarbejderdreven innovation. Regeringen og KL aftalte i økonomiaftalen for 2019 at igangsætte en ny runde frikommuneforsøg.',
      country: 'DK',
      themes: ['innovation_method', 'collaboration'],
      web: 'http://klk.kl.dk/Ydelser/Organisation/Innovation/',
      source: `${seed002}; ${SEED_003}`,
    }),
    actor({
      kind: 'public_agency',
      language: 'da',
      name: 'Økonomi- og Indenrigsministeriet',
      description:
        'Ministeriet inviterede i 2018 alle landets kommuner til at søge om frikommuneforsøg, der kan vise nye veje i udviklingen af den offentlige service. Adresse: Slotsholmsgade 10, 1216 København K.',
      country: 'DK',
      themes: ['innovation_method', 'service_integration'],
      web: 'http://www.oim.dk',
      email: 'oim@oim.dk',
      phone: '72 28 24 00',
      source: SEED_003,
    }),
    scheme({
      language: 'nn',
      name: 'Skjønnsmidlar til innovasjonsprosjekt i kommunane',
      description:
        'Fylkesmennene gjev tilskot av skjønnsramma si til fornyings- og utviklingsprosjekt i kommunane, i overkant av 100 mill. kroner kvart år dei siste åra. Frå 2014 kan kommunane søkje om midlar til konkrete innovasjonsprosjekt, og innovasjonsprosjekt skal prioriterast. Nærare informasjon om søknadsprosess og kriterium blir gjeven i statsbudsjettet for 2014.',
      country: 'NO',
      themes: ['innovation_method'],
      runner: 'Fylkesmennene',
      eligible:
        'Kommunane. Søknaden må beskrive utfordringa godt; kommunane som får tilskot, bør jobbe utoverretta for å finne nye løysingar, tverrfagleg eller saman med innbyggjarar, andre kommunar, næringsliv, organisasjonar eller forskingsmiljø.',
      source: seed002,
    }),
    scheme({
      language: 'nn',
      name: 'Forsøksordninga med stipendmidlar til innovasjonsføremål',
      description:
        'Ei forsøksordning med stipendmidlar for næringslivet, som offentlege verksemder kan lyse ut til konkrete innovasjonsføremål. Ein kommune kan til dømes arrangere ein kortvarig idékonkurranse der bedrifter som deltek, får dekt arbeidsinnsatsen sin.',
      country: 'NO',
      themes: ['business_partnership', 'innovation_method'],
      runner: 'Innovasjon Noreg i samarbeid med Difi',
      eligible: 'Offentlege verksemder, til dømes ein kommune, som lyser ut stipenda til bedrifter.',
      source: seed002,
    }),
    scheme({
      language: 'nn',
      name: 'Støtte til utvikling av innovasjonsstudium for kommunesektoren',
      description:
        'Regjeringa vil støtte utvikling av eit innovasjonsstudium der nøkkelpersonar i kommunane (tilsette, leiarar eller folkevalde) lærer om innovasjonsprosessar og korleis ein planlegg og gjennomfører eit innovasjonsprosjekt. Det blir lyst ut midlar til dette føremålet; målet er oppstart i 2014. Nærare informasjon kjem i kommuneproposisjonen for 2014.',
      country: 'NO',
      themes: ['innovation_method'],
      runner: 'Kommunal- og regionaldepartementet',
      eligible: 'Kjelda seier ikkje kven som kan søkje.',
      source: seed002,
    }),
  ];
}

/** Writes the demo entries that are not there yet (by their address): running it twice adds nothing. */
export async function seedDemoDirectory(db: Queryable, seed002: string): Promise<number> {
  // The registry's name of Oslo's county, when the registry is loaded.
  const oslo = (await listRegions(db, 'NO')).find((r) => r.name.startsWith('Oslo'))?.name ?? 'Oslo';
  let written = 0;
  for (const demo of demoDirectory(seed002)) {
    if (await findEntryBySlug(db, slugOf(demo.name))) continue;
    const draft: DirectoryDraft = {
      web: null,
      email: null,
      phone: null,
      runner: null,
      eligible: '',
      ...demo,
      region: demo.region === 'Oslo' ? oslo : (demo.region ?? null),
      deadline: null,
    };
    orThrow(await addEntry(db, draft, SYSTEM));
    written++;
  }
  return written;
}
