import { admin } from './admin';
import { auditTrail } from './auditTrail';
import { caseCodes } from './caseCodes';
import { caseOverview } from './caseOverview';
import { cases } from './cases';
import { caseList } from './caseList';
import { core } from './core';
import { domain } from './domain';
import { errorReasons } from './errorReasons';
import { handover } from './handover';
import { notifications } from './notifications';
import { oversight } from './oversight';
import { providers } from './providers';
import { publicPage } from './publicPage';
import { referrals } from './referrals';
import { reports } from './reports';
import { screening } from './screening';
import { coverage } from './coverage';

/** The complete catalog for this locale. */
export const messages: Record<string, string> = { ...core, ...errorReasons, ...domain, ...admin, ...auditTrail, ...providers, ...reports, ...notifications, ...referrals, ...cases, ...caseList, ...handover, ...caseCodes, ...caseOverview, ...screening, ...coverage, ...publicPage, ...oversight };
