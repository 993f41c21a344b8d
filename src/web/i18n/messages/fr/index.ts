import { admin } from './admin';
import { caseCodes } from './caseCodes';
import { cases } from './cases';
import { core } from './core';
import { domain } from './domain';
import { errorReasons } from './errorReasons';
import { notifications } from './notifications';
import { providers } from './providers';
import { referrals } from './referrals';
import { reports } from './reports';
import { screening } from './screening';

/** The complete catalog for this locale. */
export const messages: Record<string, string> = { ...core, ...errorReasons, ...domain, ...admin, ...providers, ...reports, ...notifications, ...referrals, ...cases, ...caseCodes, ...screening };
