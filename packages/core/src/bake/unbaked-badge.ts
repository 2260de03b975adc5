/**
 * A badge found in an image, as raw text: the caller (usually `verify`) decides whether it is JSON, a compact
 * JWT/JWS or, for Open Badges 2.0 hosted assertions, a URL.
 *
 * @example
 * const badge: UnbakedBadge = { imageType: 'png', openBadgesVersion: '3.0', payload: '{"@context":[...]}' };
 */
export interface UnbakedBadge {
  imageType: 'png' | 'svg';
  /** '3.0' for an `openbadgecredential` carrier, '2.0' for the older `openbadges` assertion carrier. */
  openBadgesVersion: '3.0' | '2.0';
  payload: string;
}
