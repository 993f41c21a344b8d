export * from './core.js';
// cases
// reports
// screening
// providers
// referrals
// notifications
