/**
 * What other parts of the product may use of networks, the only door into this folder: its
 * manifest (messages, menu entry) and its routes.
 */
import type { CapabilityManifest } from '../platform/capability.js';
import { networkMessages } from './messages.js';

export const networks: CapabilityManifest = {
  name: 'networks',
  messages: networkMessages,
  navigation: [{ href: '/nokkeltall', label: 'networks.nav', order: 12, keepsLanguage: true }],
};

export { networkRoutes } from './routes.js';
