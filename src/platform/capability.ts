import { registerAuditVocabulary, type AuditVocabulary } from './audit/vocabulary.js';
import { registerMessages, type Locale } from './i18n/index.js';
import { registerNavigation, type NavigationEntry } from './ui/navigation.js';

/** What a capability brings to the platform at composition: its messages, its menu entries and its audit words. */
export interface CapabilityManifest {
  name: string;
  messages: Record<Locale, Record<string, string>>;
  navigation?: readonly NavigationEntry[];
  /** How the audit log names this capability's records, actions and states. */
  audit?: AuditVocabulary;
}

/** Registers a capability's catalogue and menu entries; registering it again changes nothing. */
export function registerCapability(capability: CapabilityManifest): void {
  registerMessages(capability.messages);
  registerNavigation(capability.navigation ?? []);
  registerAuditVocabulary(capability.audit ?? {});
}
