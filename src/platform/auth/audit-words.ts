/**
 * The platform's own audit words: people and organisations, their sign-ins and roles, and the
 * verbs every capability shares (created, saved, submitted …), so that each capability names only
 * what is its own.
 */
import { LOCALES, translator } from '../i18n/index.js';
import { names, type AuditVocabulary } from '../audit/vocabulary.js';
import { ROLES } from './model.js';

const roleNames = Object.fromEntries(
  ROLES.map((role) => [role, Object.fromEntries(LOCALES.map((locale) => [locale, translator(locale)(`role.${role}`)]))]),
) as NonNullable<AuditVocabulary['states']>[string];

export const PLATFORM_AUDIT_WORDS: AuditVocabulary = {
  records: {
    user: names('Bruker', 'Brukar', 'Bruger', 'User'),
    organisation: names('Organisasjon', 'Organisasjon', 'Organisation', 'Organisation'),
  },
  actions: {
    'sign-in': names('logget inn', 'logga inn', 'loggede ind', 'signed in'),
    'sign-out-everywhere': names(
      'logget ut på alle enheter',
      'logga ut på alle einingar',
      'logget ud på alle enheder',
      'signed out everywhere',
    ),
    'grant-role': names('fikk en rolle', 'fekk ei rolle', 'fik en rolle', 'was given a role'),
    create: names('opprettet', 'oppretta', 'oprettet', 'created'),
    edit: names('endret', 'endra', 'ændret', 'changed'),
    save: names('lagret', 'lagra', 'gemt', 'saved'),
    submit: names('sendt inn', 'send inn', 'indsendt', 'submitted'),
    withdraw: names('trukket', 'trekt', 'trukket tilbage', 'withdrawn'),
    remove: names('fjernet', 'fjerna', 'fjernet', 'removed'),
    invite: names('invitert', 'invitert', 'inviteret', 'invited'),
    accept: names('takket ja', 'takka ja', 'sagt ja', 'accepted'),
    decline: names('takket nei', 'takka nei', 'sagt nej', 'declined'),
    publish: names('publisert', 'publisert', 'offentliggjort', 'published'),
    approve: names('godkjent', 'godkjent', 'godkendt', 'approved'),
    close: names('lukket', 'lukka', 'lukket', 'closed'),
    grant: names('innvilget', 'innvilga', 'bevilget', 'granted'),
    revoke: names('trukket tilbake', 'trekt tilbake', 'tilbagekaldt', 'revoked'),
  },
  states: {
    user: {
      'signed-in': names('Innlogget', 'Innlogga', 'Logget ind', 'Signed in'),
      'signed-out': names('Logget ut', 'Logga ut', 'Logget ud', 'Signed out'),
    },
    organisation: roleNames,
  },
};
