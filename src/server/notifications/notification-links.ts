const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The web page of each kind of resource a notification can point at. */
const PAGES: Record<string, string> = {
  case: '/cases',
  referral: '/referrals',
  report: '/reports',
  provider: '/providers',
};

/**
 * The web path a notification opens, or null when its resource has no page.
 * Only well-formed ids are turned into paths, so a stored value can never
 * become a link elsewhere.
 */
export function notificationLink(resourceType: string, resourceId: string): string | null {
  const base = PAGES[resourceType];
  if (!base || !UUID.test(resourceId)) return null;
  return `${base}/${resourceId.toLowerCase()}`;
}
