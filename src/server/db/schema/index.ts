export * from './core.js';
// role grants and activation codes (user administration)
export * from './accounts.js';
// cases
export * from './cases.js';
// case transfers between agencies
export * from './transfers.js';
// reports
export * from './reports.js';
// screening
export * from './screening.js';
// providers
export * from './providers.js';
// referrals
export * from './referrals.js';
export * from './notifications.js';
// reference lists (countries)
export * from './reference.js';
