/**
 * Where the app's admin panel (its settings page) opens in HubSpot, so that the card can send editors
 * there ("N more goals").
 */

// ASSUMPTION (unverified): an installed app's settings page opens at
// app.hubspot.com/app-settings/<portal id>/app/<app id> (Settings › Connected apps › the app).
// Only the card's link depends on it; a wrong URL is a dead link, nothing else.
export function adminPanelUrl(portalId: number | string, appId: number | string): string {
  return `https://app.hubspot.com/app-settings/${portalId}/app/${appId}`;
}
