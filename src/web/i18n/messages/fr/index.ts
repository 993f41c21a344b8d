import { admin } from './admin';
import { core } from './core';
import { domain } from './domain';
import { providers } from './providers';
import { reports } from './reports';

/** The complete catalog for this locale. */
export const messages: Record<string, string> = { ...core, ...domain, ...admin, ...providers, ...reports };
